using MudBlazor;

namespace Ops.Portal.Components.Pages.Auth.Components;

/// <summary>
/// Search in the grant tree: which nodes to show for a text (matches by name or code, their ancestors, and what lies
/// below a match) and which to expand (the ancestors of a match). Nodes are only hidden, never removed, so what is
/// checked under a hidden node stays checked.
/// </summary>
internal static class GrantTreeSearch
{
    /// <summary>Codes to hide for <paramref name="text"/>; expands the ancestors of matches. Empty text hides nothing.</summary>
    public static HashSet<string> Apply(IEnumerable<ITreeItemData<string>> items, string? text, IReadOnlyDictionary<string, string> names)
    {
        var hidden = new HashSet<string>(StringComparer.Ordinal);
        var wanted = text?.Trim();
        if (!string.IsNullOrEmpty(wanted))
        {
            foreach (var item in items)
            {
                Visit(item, wanted, names, hidden, underMatch: false);
            }
        }

        return hidden;
    }

    /// <summary>True when the node or something below it matches.</summary>
    private static bool Visit(ITreeItemData<string> item, string text, IReadOnlyDictionary<string, string> names, HashSet<string> hidden, bool underMatch)
    {
        var code = item.Value ?? "";
        var matches = code.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (names.TryGetValue(code, out var name) && name.Contains(text, StringComparison.OrdinalIgnoreCase));
        var below = false;
        foreach (var child in item.Children ?? [])
        {
            below |= Visit(child, text, names, hidden, underMatch || matches);
        }

        if (below)
        {
            item.Expanded = true;
        }

        if (!matches && !below && !underMatch)
        {
            hidden.Add(code);
        }

        return matches || below;
    }
}
