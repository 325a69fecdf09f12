using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>Sorts rows already read by one result column, for engines that cannot sort a query they did not write.</summary>
internal static class InMemoryOrder
{
    public static QueryResult Sort(QueryResult rows, QueryPage page)
    {
        var index = rows.ColumnIndex(page.Sort);
        if (index < 0)
        {
            return rows;
        }

        var sorted = page.Descending
            ? rows.Rows.OrderByDescending(r => r[index], Comparer.Instance)
            : rows.Rows.OrderBy(r => r[index], Comparer.Instance);
        return rows with { Rows = [.. sorted] };
    }

    /// <summary>Nulls first, numbers by value, times by time, anything else by its text (ordinal, as a binary collation).</summary>
    private sealed class Comparer : IComparer<object?>
    {
        public static readonly Comparer Instance = new();

        public int Compare(object? x, object? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (DateTime a, DateTime b) => a.CompareTo(b),
            _ when Number(x) is { } a && Number(y) is { } b => a.CompareTo(b),
            _ => string.CompareOrdinal(Convert.ToString(x, System.Globalization.CultureInfo.InvariantCulture), Convert.ToString(y, System.Globalization.CultureInfo.InvariantCulture)),
        };

        private static double? Number(object value) => value switch
        {
            long l => l,
            decimal m => (double)m,
            double d => d,
            _ => null,
        };
    }
}
