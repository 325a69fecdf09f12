using System.Globalization;

namespace Ops.Domain.Reports.Queries;

/// <summary>One page of a table report: <see cref="Page"/> from 0, sorted by a result column when <see cref="Sort"/> is set.</summary>
public sealed record QueryPage(int Page, int Size, string? Sort = null, bool Descending = false)
{
    public const int MaxSize = 500;

    public int Offset => Page * Size;

    public bool IsValid => Page >= 0 && Size is > 0 and <= MaxSize && (Sort is null || Sort.Length is > 0 and <= ReportRules.ColumnNameMaxLength && !Sort.Any(char.IsControl));
}

/// <summary>A page of rows and whether more follow it.</summary>
public sealed record QueryPageResult(QueryResult Rows, bool HasMore);

/// <summary>
/// The database pages and sorts a table report, so the first page of a million rows costs what one page costs:
/// <c>SELECT * FROM (…) ops_page ORDER BY "col" LIMIT n + 1 OFFSET m</c> (one row more tells whether a next page exists),
/// and <c>SELECT COUNT(*) FROM (…)</c> for the total, asked for apart. The sort column is quoted by the engine (any name
/// a query can return is safe); the numbers are integers the server made.
/// </summary>
public static class QueryPaging
{
    public static BoundQuery Sorted(BoundQuery query, QueryPage page, Func<string, string> quote) =>
        query with
        {
            Sql = string.Create(CultureInfo.InvariantCulture,
                $"SELECT * FROM (\n{query.Sql}\n) ops_page ORDER BY {quote(page.Sort!)} {(page.Descending ? "DESC" : "ASC")} LIMIT {page.Size + 1} OFFSET {page.Offset}"),
        };

    public static BoundQuery Count(BoundQuery query) => query with { Sql = $"SELECT COUNT(*) AS ops_total FROM (\n{query.Sql}\n) ops_count" };

    /// <summary>The sums of the named result columns over every row (a table's totals row), one row with the same names.</summary>
    public static BoundQuery Totals(BoundQuery query, IReadOnlyList<string> columns, Func<string, string> quote) =>
        query with { Sql = $"SELECT {string.Join(", ", columns.Select(c => $"SUM({quote(c)}) AS {quote(c)}"))} FROM (\n{query.Sql}\n) ops_totals" };

    /// <summary>The most columns a totals row sums.</summary>
    public const int MaxTotals = 100;
}
