using MudBlazor;

namespace Ops.Portal.Components.Pages.Auth.Components;

/// <summary>
/// Search in a permission tree (the role grant dialog, the permission page): which nodes to show for a text (matches,
/// their ancestors, and what lies below a match) and which to expand (the ancestors of a match). Nodes are only hidden,
/// never removed, so what is checked under a hidden node stays checked.
/// </summary>
internal static class GrantTreeSearch
{
    /// <summary>Values to hide for <paramref name="text"/>; expands the ancestors of matches. Empty text hides nothing.</summary>
    public static HashSet<T> Apply<T>(IEnumerable<ITreeItemData<T>> items, string? text, Func<T, string, bool> matches)
        where T : notnull
    {
        var hidden = new HashSet<T>();
        var wanted = text?.Trim();
        if (!string.IsNullOrEmpty(wanted))
        {
            foreach (var item in items)
            {
                Visit(item, wanted, matches, hidden, underMatch: false);
            }
        }

        return hidden;
    }

    /// <summary>A permission matches by its code or its name in the viewer's language, ignoring case.</summary>
    public static bool CodeOrName(string code, string? name, string text) =>
        code.Contains(text, StringComparison.OrdinalIgnoreCase) || (name?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>True when the node or something below it matches.</summary>
    private static bool Visit<T>(ITreeItemData<T> item, string text, Func<T, string, bool> matches, HashSet<T> hidden, bool underMatch)
        where T : notnull
    {
        var self = item.Value is { } value && matches(value, text);
        var below = false;
        foreach (var child in item.Children ?? [])
        {
            below |= Visit(child, text, matches, hidden, underMatch || self);
        }

        if (below)
        {
            item.Expanded = true;
        }

        if (!self && !below && !underMatch && item.Value is { } hide)
        {
            hidden.Add(hide);
        }

        return self || below;
    }
}
