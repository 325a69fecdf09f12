using Ops.Domain.Common;

namespace Ops.Portal.Api;

/// <summary>One page of a list: the rows, the total matching the filters, the page (from 1) and its size.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Total, int Page, int Size);

/// <summary>
/// Paging, sort and search as query parameters: <c>page</c> (from 1), <c>size</c> (1–500, default 20),
/// <c>sort</c> (a row property in camelCase, <c>-</c> before it for descending; comma-separated, as the pages sort), <c>q</c> (free text).
/// </summary>
public sealed record ApiPaging(int? Page, int? Size, string? Sort, string? Q)
{
    public PageRequest ToRequest() => new PageRequest
    {
        Page = Math.Max(1, Page ?? 1) - 1,
        PageSize = Size ?? 20,
        Search = Q,
        Sort = (Sort ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.StartsWith('-') ? new SortSpec(s[1..], SortDirection.Descending) : new SortSpec(s))
            .ToList(),
    }.Normalized();

    public static ApiPage<TOut> Of<TIn, TOut>(PagedResult<TIn> page, Func<TIn, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.TotalCount, page.Page + 1, page.PageSize);
}
