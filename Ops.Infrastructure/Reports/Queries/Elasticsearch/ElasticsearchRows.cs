using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.Elasticsearch;

/// <summary>Elasticsearch SQL's columns and values as report columns and values; a viewer's scope as a query filter.</summary>
internal static class ElasticsearchRows
{
    public static QueryColumnKind Kind(string? type) => type switch
    {
        "byte" or "short" or "integer" or "long" or "unsigned_long" or "double" or "float" or "half_float" or "scaled_float" => QueryColumnKind.Number,
        "datetime" or "date" or "date_nanos" => QueryColumnKind.DateTime,
        "boolean" => QueryColumnKind.Boolean,
        _ => QueryColumnKind.Text,
    };

    public static object? Value(JsonElement value, QueryColumnKind kind) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.TryGetDecimal(out var m) ? m : value.GetDouble(),
        // Elasticsearch writes times as ISO 8601 in the request's zone (UTC unless asked): shown as stored.
        JsonValueKind.String when kind == QueryColumnKind.DateTime && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) => at.UtcDateTime,
        JsonValueKind.String => value.GetString(),
        // A multi-valued field or an object: its JSON.
        _ => value.GetRawText(),
    };

    /// <summary>A parameter value as Elasticsearch SQL takes it in <c>params</c> (times as ISO 8601 text).</summary>
    public static object? Parameter(object? value) => value switch
    {
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>
    /// The rows a viewer may see, as a filter on the index's documents: the department field in their departments, or the
    /// user field theirs. With neither, nothing matches.
    /// </summary>
    public static Query? Filter(ScopedRows? rows)
    {
        if (rows is null || rows.Filter.All)
        {
            return null;
        }

        var should = new List<Query>();
        if (rows.Scope.DepartmentColumn is { } department && rows.Filter.DepartmentIds.Count > 0)
        {
            should.Add(new TermsQuery(department, new TermsQueryField(rows.Filter.DepartmentIds.Order().Select(Elastic.Clients.Elasticsearch.FieldValue.Long).ToArray())));
        }

        if (rows.Scope.UserColumn is { } user)
        {
            should.Add(new TermQuery(user, Elastic.Clients.Elasticsearch.FieldValue.Long(rows.Filter.UserId)));
        }

        return should.Count == 0 ? new MatchNoneQuery() : new BoolQuery { Should = should, MinimumShouldMatch = 1 };
    }
}
