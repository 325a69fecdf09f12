namespace Ops.Domain.Reports.Queries;

public enum QueryColumnKind
{
    Text,
    Number,
    DateTime,
    Boolean,
}

public sealed record QueryColumn(string Name, QueryColumnKind Kind);

/// <summary>
/// What a report query returned: its columns and at most the display cap of rows (values are null, string, bool,
/// long, decimal, double or <see cref="System.DateTime"/>); <see cref="Truncated"/> when there were more.
/// </summary>
public sealed record QueryResult(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, double ElapsedMs)
{
    public int ColumnIndex(string? name) => name is null ? -1 : Columns.ToList().FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The limits a query runs under: the engine stops it after <see cref="TimeoutSeconds"/>; rows past <see cref="MaxRows"/> are not read.</summary>
public sealed record QueryLimits(int TimeoutSeconds, int MaxRows)
{
    public const int DefaultTimeoutSeconds = 30;
    public const int DefaultMaxRows = 10_000;
    public const int MaxTimeoutSeconds = 600;
    public const int MaxMaxRows = 100_000;

    public static QueryLimits Default { get; } = new(DefaultTimeoutSeconds, DefaultMaxRows);
}
