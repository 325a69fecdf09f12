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
}
