using MudBlazor;
using Ops.Domain.Common;
using SortDirection = Ops.Domain.Common.SortDirection;

namespace Ops.Portal.Common;

/// <summary>
/// Maps a MudDataGrid sort (a PropertyColumn's property name) to the column name the service whitelists: the row's
/// property, camel-cased ("CreatedAt" → "createdAt"). One rule for every list, so a service names its sortable
/// columns after its row's properties and no page needs an alias.
/// </summary>
public static class GridSorts
{
    public static string Column(string sortBy)
    {
        var member = sortBy.Split('.').Last();
        return member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
    }

    /// <summary>The page, size and sorts a server-side grid asks for, as the services take them.</summary>
    public static PageRequest Request<T>(GridState<T> state) => new()
    {
        Page = state.Page,
        PageSize = state.PageSize,
        Sort = [.. state.SortDefinitions.Select(s => new SortSpec(Column(s.SortBy), s.Descending ? SortDirection.Descending : SortDirection.Ascending))],
    };
}
