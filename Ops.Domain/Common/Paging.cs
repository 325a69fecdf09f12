namespace Ops.Domain.Common;

/// <summary>A page of rows plus the total matching the filter (for MudDataGrid server data).</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    public int PageCount => PageSize <= 0 ? 0 : (TotalCount + PageSize - 1) / PageSize;

    public static PagedResult<T> Empty(int page, int pageSize) => new([], 0, page, pageSize);
}

public enum SortDirection
{
    Ascending,
    Descending,
}

/// <summary>One sort key: a whitelisted column name and direction.</summary>
public sealed record SortSpec(string Column, SortDirection Direction = SortDirection.Ascending);

/// <summary>
/// A server-side page request: zero-based page, size, sort keys and free-text search.
/// Module queries add their own typed filters beside it.
/// </summary>
public sealed record PageRequest
{
    public const int MaxPageSize = 500;

    public int Page { get; init; }

    public int PageSize { get; init; } = 20;

    public IReadOnlyList<SortSpec> Sort { get; init; } = [];

    public string? Search { get; init; }

    /// <summary>Page and size forced into range, so a hostile request cannot ask for everything.</summary>
    public PageRequest Normalized() => this with
    {
        Page = Math.Max(0, Page),
        PageSize = Math.Clamp(PageSize, 1, MaxPageSize),
        Search = string.IsNullOrWhiteSpace(Search) ? null : Search.Trim(),
    };
}
