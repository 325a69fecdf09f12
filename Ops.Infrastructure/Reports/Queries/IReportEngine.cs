using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>Runs checked, bound report queries on one family of data sources.</summary>
internal interface IReportEngine
{
    bool Handles(DataSourceType type);

    /// <summary>How a report query is checked, bound, scoped, paged and counted for the type.</summary>
    IQueryShape Shape(DataSourceType type);

    /// <exception cref="QueryTimeoutException">The engine stopped the query at the limit.</exception>
    /// <exception cref="DataSourceUnreachableException">The source could not be reached or opened.</exception>
    Task<QueryResult> RunAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationToken cancellationToken);

    /// <summary>
    /// The rows one at a time, for exports past the display cap (up to <paramref name="limits"/>' rows);
    /// <paramref name="columns"/> is told the columns before the first row. Engines that can stream from their reader do;
    /// the default reads the rows first.
    /// </summary>
    async IAsyncEnumerable<object?[]> StreamAsync(DataSource source, BoundQuery query, QueryLimits limits, Action<IReadOnlyList<QueryColumn>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var result = await RunAsync(source, query, limits, cancellationToken);
        columns(result.Columns);
        foreach (var row in result.Rows)
        {
            yield return row;
        }
    }

    /// <summary>The tables (collections, indices) and their columns, as the query editor completes them.</summary>
    Task<IReadOnlyList<SchemaTable>> SchemaAsync(DataSource source, CancellationToken cancellationToken);

    /// <summary>Reaches the source with its account and returns the server's version; throws when it cannot.</summary>
    Task<string> ProbeAsync(DataSource source, CancellationToken cancellationToken);
}

/// <summary>How one engine's query language turns a report query into what the engine runs.</summary>
internal interface IQueryShape
{
    /// <summary>The parameter names the query uses, or why it is refused (not one read, not parseable).</summary>
    Result<IReadOnlyList<string>> Check(string query);

    /// <summary>The checked query with the viewer's typed values bound and their data scope applied.</summary>
    Result<BoundQuery> Bind(QueryRun run);

    /// <summary>Whether <see cref="Sorted"/> and <see cref="Count"/> work; otherwise the portal sorts and counts what the display cap holds.</summary>
    bool PagesInEngine => true;

    /// <summary>The bound query sorted by a result column and cut to one page and one row more.</summary>
    BoundQuery Sorted(BoundQuery query, QueryPage page);

    /// <summary>The bound query's row count, as a one-row, one-column result.</summary>
    BoundQuery Count(BoundQuery query);

    /// <summary>The sums of the named columns over all the bound query's rows, as one row of those names.</summary>
    BoundQuery Totals(BoundQuery query, IReadOnlyList<string> columns);
}

internal static class QueryShapes
{
    /// <summary>The most tables a schema lists (the editor's completion, not a catalogue browser).</summary>
    public const int MaxSchemaTables = 1000;

    /// <summary>The checked query, refused when it names a parameter the report does not declare.</summary>
    public static Result<IReadOnlyList<string>> CheckDeclared(this IQueryShape shape, string query, IReadOnlyList<ReportParameter> parameters)
    {
        var names = shape.Check(query);
        if (names.IsFailure)
        {
            return names;
        }

        var declared = parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undeclared = names.Value.FirstOrDefault(n => !declared.Contains(n.Split('.')[0]));
        return undeclared is null ? names : Error.Invalid("report.parameter.undeclared", undeclared).On("report.query");
    }

    /// <summary>Catalogue rows of table, column and type, grouped into tables (at most <paramref name="max"/>).</summary>
    public static IReadOnlyList<SchemaTable> Tables(QueryResult rows, int max) =>
        rows.Rows.GroupBy(r => Text(r[0])).Take(max)
            .Select(g => new SchemaTable(g.Key, [.. g.Select(r => new SchemaColumn(Text(r[1]), Text(r[2])))]))
            .ToList();

    private static string Text(object? value) => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The engine stopped a report query at its statement timeout.</summary>
public sealed class QueryTimeoutException(int seconds, Exception inner) : Exception($"The query ran past its {seconds} s limit", inner)
{
    public int Seconds { get; } = seconds;
}

/// <summary>The data source could not be reached or opened (address, account, file, options); the query never ran.</summary>
public sealed class DataSourceUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An engine without an ADO.NET driver reported a query error in its own words.</summary>
public sealed class QueryEngineException(string message) : Exception(message);
