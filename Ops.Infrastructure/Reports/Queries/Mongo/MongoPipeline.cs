using System.Text.RegularExpressions;
using MongoDB.Bson;
using MongoDB.Bson.IO;
using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.Mongo;

/// <summary>
/// A MongoDB report query: <c>{"collection": "sales", "pipeline": [ … ]}</c>, the aggregation pipeline as JSON (MongoDB's
/// extended JSON is accepted). Parameters are string values <c>"{{name}}"</c>: a whole value becomes the typed BSON value
/// (a number, a date, a list for a multiple choice), never text parsed again; inside a longer string the value's text
/// is put in that string. A field whose whole value is a parameter without a value is dropped, so a filter on an empty
/// parameter is no filter (the <c>[[ ]]</c> of SQL reports). Reports only read: stages that write (<c>$out</c>,
/// <c>$merge</c>) and operators that run JavaScript or read server state are refused, at any depth.
/// </summary>
internal sealed partial record MongoPipeline(string Collection, BsonArray Stages)
{
    public const int CollectionMaxLength = 255;

    private static readonly HashSet<string> Forbidden = new(StringComparer.Ordinal)
    {
        "$out", "$merge", "$function", "$accumulator", "$where", "$currentOp", "$listSessions", "$listLocalSessions",
        "$planCacheStats", "$listSampledQueries", "$shardedDataDistribution", "$queryStats",
    };

    public static Result<MongoPipeline> Parse(string query)
    {
        BsonDocument document;
        try
        {
            document = BsonDocument.Parse(query);
        }
        catch (Exception ex) when (ex is FormatException or BsonException or InvalidOperationException or ArgumentException)
        {
            return Error.Invalid("report.query.pipeline_invalid", ex.Message).On("report.query");
        }

        if (!document.TryGetValue("collection", out var collection) || collection is not BsonString { Value.Length: > 0 and <= CollectionMaxLength } name
            || name.Value.StartsWith("system.", StringComparison.Ordinal) || name.Value.Contains('$', StringComparison.Ordinal)
            || !document.TryGetValue("pipeline", out var pipeline) || pipeline is not BsonArray stages || stages.Any(s => s is not BsonDocument { ElementCount: 1 })
            || document.ElementCount != 2)
        {
            return Error.Invalid("report.query.pipeline_invalid", "{\"collection\": \"…\", \"pipeline\": [{\"$stage\": …}]}").On("report.query");
        }

        return Refused(stages) is { } word
            ? Error.Invalid("report.query.pipeline_forbidden", word).On("report.query")
            : new MongoPipeline(name.Value, stages);
    }

    /// <summary>The parameter names used, in order, each once.</summary>
    public IReadOnlyList<string> ParameterNames() =>
        [.. Strings(Stages).SelectMany(s => PlaceholderPattern().Matches(s).Select(m => m.Groups[1].Value)).Distinct(StringComparer.OrdinalIgnoreCase)];

    public MongoPipeline Append(params BsonDocument[] stages) => this with { Stages = [.. Stages, .. stages] };

    public string ToJson() => new BsonDocument { ["collection"] = Collection, ["pipeline"] = Stages }.ToJson(new JsonWriterSettings { OutputMode = JsonOutputMode.CanonicalExtendedJson });

    /// <summary>The stages with each placeholder replaced by its value (<see cref="MongoValues.ToBson"/>).</summary>
    public BsonArray Bind(IReadOnlyDictionary<string, object?> values) => (BsonArray)Substitute(Stages.DeepClone(), values)!;

    public static string Placeholder(string name) => "{{" + name + "}}";

    private static BsonValue? Substitute(BsonValue value, IReadOnlyDictionary<string, object?> values)
    {
        switch (value)
        {
            case BsonString text when Whole(text.Value) is { } name:
                return values.TryGetValue(name, out var bound) && HasValue(bound) ? MongoValues.ToBson(bound) : null;
            case BsonString text when text.Value.Contains("{{", StringComparison.Ordinal):
                return new BsonString(PlaceholderPattern().Replace(text.Value, m => values.TryGetValue(m.Groups[1].Value, out var v) ? MongoValues.Text(v) : ""));
            case BsonDocument document:
                var result = new BsonDocument();
                foreach (var element in document)
                {
                    var replaced = Substitute(element.Value, values);
                    // A field whose parameter has no value goes, and so does a field condition it leaves empty
                    // ({"amount": {"$gte": …}}); a stage or an operator it empties stays ({"$match": {}} matches all).
                    var emptied = replaced is BsonDocument { ElementCount: 0 } && element.Value is BsonDocument { ElementCount: > 0 } && !element.Name.StartsWith('$');
                    if (replaced is not null && !emptied)
                    {
                        result[element.Name] = replaced;
                    }
                }

                return result;
            case BsonArray array:
                return new BsonArray(array.Select(v => Substitute(v, values)).Where(v => v is not null));
            default:
                return value;
        }
    }

    private static bool HasValue(object? value) => value switch
    {
        null => false,
        string s => s.Length > 0,
        System.Collections.IEnumerable list => list.Cast<object?>().Any(),
        _ => true,
    };

    private static string? Whole(string text) => PlaceholderPattern().Match(text) is { Success: true } m && m.Length == text.Length ? m.Groups[1].Value : null;

    private static string? Refused(BsonValue value) => value switch
    {
        BsonDocument document => document.Names.FirstOrDefault(Forbidden.Contains) ?? document.Values.Select(Refused).FirstOrDefault(w => w is not null),
        BsonArray array => array.Select(Refused).FirstOrDefault(w => w is not null),
        _ => null,
    };

    private static IEnumerable<string> Strings(BsonValue value) => value switch
    {
        BsonString s => [s.Value],
        BsonDocument d => d.Values.SelectMany(Strings),
        BsonArray a => a.SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_]*(?:\.(?:from|to))?)\s*\}\}")]
    private static partial Regex PlaceholderPattern();
}
