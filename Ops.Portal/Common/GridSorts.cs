namespace Ops.Portal.Common;

/// <summary>
/// Maps a MudDataGrid sort (a PropertyColumn's property name) to the column name the service
/// whitelists: camel-cased, with a few aliases ("LastLoginAt" → "lastLogin").
/// </summary>
public static class GridSorts
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["DepartmentName"] = "department",
        ["IsActive"] = "active",
        ["LastLoginAt"] = "lastLogin",
        ["CreatedAt"] = "created",
    };

    public static string Column(string sortBy)
    {
        var member = sortBy.Split('.').Last();
        return Aliases.TryGetValue(member, out var alias) ? alias : member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
    }
}
