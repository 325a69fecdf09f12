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

/// <summary>Paging, search and sort over a list a service returns whole (departments, roles): small, admin-sized sets.</summary>
public static class InMemoryPage
{
    public static ApiPage<T> Of<T>(IEnumerable<T> rows, ApiPaging paging, Func<T, string?> searchText, IReadOnlyDictionary<string, Func<T, object?>> sorts)
    {
        var request = paging.ToRequest();
        var matching = request.Search is { } q
            ? rows.Where(r => searchText(r)?.Contains(q, StringComparison.OrdinalIgnoreCase) == true)
            : rows;
        IOrderedEnumerable<T>? ordered = null;
        foreach (var sort in request.Sort.Where(s => sorts.ContainsKey(s.Column)))
        {
            var key = sorts[sort.Column];
            var descending = sort.Direction == SortDirection.Descending;
            ordered = ordered is null
                ? descending ? matching.OrderByDescending(key, Comparer<object?>.Default) : matching.OrderBy(key, Comparer<object?>.Default)
                : descending ? ordered.ThenByDescending(key, Comparer<object?>.Default) : ordered.ThenBy(key, Comparer<object?>.Default);
        }

        var list = (ordered ?? matching).ToList();
        return new ApiPage<T>(list.Skip(request.Page * request.PageSize).Take(request.PageSize).ToList(), list.Count, request.Page + 1, request.PageSize);
    }
}
