using System.Text.Json;

namespace Ops.Portal.Components.Layout;

/// <summary>An open page: its path (the tab's identity) and the address it was last seen at, query included.</summary>
public sealed record PageTab(string Path, string Href);

/// <summary>
/// The pages opened in this browser tab, in the order they were opened: one tab per path, the dashboard pinned first.
/// Pure state; <see cref="PageTabs"/> renders it and keeps it in sessionStorage.
/// </summary>
public sealed class PageTabList
{
    /// <summary>Beyond this many, opening a page closes the oldest tab that is neither pinned nor active.</summary>
    public const int MaxTabs = 20;

    public const string PinnedPath = "/dashboard";

    private readonly List<PageTab> _tabs = [new(PinnedPath, PinnedPath)];

    public IReadOnlyList<PageTab> Tabs => _tabs;

    public string ActivePath { get; private set; } = PinnedPath;

    public static bool IsPinned(PageTab tab) => tab.Path == PinnedPath;

    /// <summary>The path of an address relative to the base ("scheduler/jobs?x=1" → "/scheduler/jobs"); the root is the dashboard.</summary>
    public static string PathOf(string relative)
    {
        var path = "/" + relative.Split('?', '#')[0].Trim('/');
        return path == "/" ? PinnedPath : path.ToLowerInvariant();
    }

    /// <summary>The browser is at <paramref name="relative"/>: that page's tab is opened (or its address updated) and becomes active.</summary>
    public void Visit(string relative)
    {
        var path = PathOf(relative);
        var href = "/" + relative.TrimStart('/');
        var index = _tabs.FindIndex(t => t.Path == path);
        if (index >= 0)
        {
            _tabs[index] = _tabs[index] with { Href = IsPinned(_tabs[index]) && href == "/" ? PinnedPath : href };
        }
        else
        {
            _tabs.Add(new PageTab(path, href));
        }

        ActivePath = path;
        Trim();
    }

    /// <summary>Closes one tab; returns where to go when it was the active one (its right neighbour, else its left), else null.</summary>
    public string? Close(string path)
    {
        var index = _tabs.FindIndex(t => t.Path == path);
        if (index < 0 || IsPinned(_tabs[index]))
        {
            return null;
        }

        _tabs.RemoveAt(index);
        return path == ActivePath ? Activate(_tabs[Math.Min(index, _tabs.Count - 1)]) : null;
    }

    /// <summary>Keeps the pinned tab and <paramref name="path"/>; returns where to go when the active tab was closed.</summary>
    public string? CloseOthers(string path) => Keep(t => IsPinned(t) || t.Path == path, path);

    /// <summary>Closes the tabs right of <paramref name="path"/>.</summary>
    public string? CloseRight(string path)
    {
        var index = _tabs.FindIndex(t => t.Path == path);
        return index < 0 ? null : Keep(t => _tabs.IndexOf(t) <= index, path);
    }

    /// <summary>Keeps only the pinned tab.</summary>
    public string? CloseAll() => Keep(IsPinned, PinnedPath);

    public string Serialize() => JsonSerializer.Serialize(_tabs.Select(t => t.Href));

    /// <summary>Restores tabs saved by <see cref="Serialize"/>, in their order, ahead of what is open now; bad input is ignored.</summary>
    public void Restore(string? saved)
    {
        string[]? hrefs;
        try
        {
            hrefs = string.IsNullOrEmpty(saved) ? null : JsonSerializer.Deserialize<string[]>(saved);
        }
        catch (JsonException)
        {
            hrefs = null;
        }

        var current = _tabs.ToList();
        _tabs.RemoveAll(t => !IsPinned(t));
        foreach (var href in (hrefs ?? []).Where(h => h is not null && h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal)))
        {
            var path = PathOf(href);
            if (_tabs.All(t => t.Path != path))
            {
                // The page open now keeps the address it was opened at (a reload of ?status=Failed stays filtered).
                _tabs.Add(current.FirstOrDefault(t => t.Path == path) ?? new PageTab(path, href));
            }
        }

        foreach (var tab in current.Where(t => _tabs.All(o => o.Path != t.Path)))
        {
            _tabs.Add(tab);
        }

        Trim();
    }

    private void Trim()
    {
        while (_tabs.Count > MaxTabs && _tabs.FirstOrDefault(t => !IsPinned(t) && t.Path != ActivePath) is { } oldest)
        {
            _tabs.Remove(oldest);
        }
    }

    private string? Keep(Func<PageTab, bool> keep, string fallback)
    {
        var kept = _tabs.Where(keep).ToList();
        _tabs.Clear();
        _tabs.AddRange(kept);
        return _tabs.Any(t => t.Path == ActivePath) ? null : Activate(_tabs.FirstOrDefault(t => t.Path == fallback) ?? _tabs[0]);
    }

    private string Activate(PageTab tab)
    {
        ActivePath = tab.Path;
        return tab.Href;
    }
}
