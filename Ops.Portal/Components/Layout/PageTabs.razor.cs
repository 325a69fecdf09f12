using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.JSInterop;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Layout;

/// <summary>
/// Keeps <see cref="PageTabList"/> in step with the address and in sessionStorage (so a reload restores the tabs of this
/// browser tab, and another browser tab starts with its own). Titles are resolved at render, in the viewer's language.
/// </summary>
public sealed partial class PageTabs
{
    public const string StorageKey = "ops.pageTabs";

    /// <summary>Addresses that are not portal pages (account pages are static, errors are not places to return to).</summary>
    private static readonly string[] Untracked = ["/account", "/error", "/not-found"];

    private readonly PageTabList _list = new();
    private bool _restored;

    [Inject] private NavigationManager Navigation { get; set; } = default!;

    [Inject] private IJSRuntime Js { get; set; } = default!;

    protected override void OnInitialized()
    {
        Navigation.LocationChanged += OnLocationChanged;
        Track(Navigation.Uri);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive)
        {
            return;
        }

        try
        {
            _list.Restore(await Js.InvokeAsync<string?>("sessionStorage.getItem", StorageKey));
        }
        catch (JSException)
        {
            // Storage refused (private mode, quota): the tabs live for this page only.
        }

        _restored = true;
        await SaveAsync();
        StateHasChanged();
    }

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e)
    {
        Track(e.Location);
        _ = InvokeAsync(async () =>
        {
            StateHasChanged();
            await SaveAsync();
        });
    }

    private void Track(string uri)
    {
        var relative = Navigation.ToBaseRelativePath(uri);
        var path = PageTabList.PathOf(relative);
        if (!Untracked.Any(u => path.StartsWith(u, StringComparison.OrdinalIgnoreCase)))
        {
            _list.Visit(relative);
        }
    }

    /// <summary>After a close: go where the list says when the active tab went, and remember the new set.</summary>
    private async Task Go(string? href)
    {
        if (href is not null)
        {
            Navigation.NavigateTo(href);
        }

        await SaveAsync();
    }

    private async Task SaveAsync()
    {
        if (!_restored)
        {
            return;
        }

        try
        {
            await Js.InvokeVoidAsync("sessionStorage.setItem", StorageKey, _list.Serialize());
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The tabs are a convenience: losing them must never break the page.
        }
    }

    /// <summary>Pages reached from the user menu rather than the side menu, with their own titles.</summary>
    private static readonly Dictionary<string, string> OffMenuTitles = new(StringComparer.Ordinal)
    {
        ["/notifications/settings"] = "notification.settings",
        ["/profile"] = "shell.profile",
    };

    private string Title(PageTab tab)
    {
        if (PageTabList.IsPinned(tab))
        {
            return T["nav.dashboard"];
        }

        if (tab.Path.StartsWith("/scheduler/runs/", StringComparison.Ordinal))
        {
            return $"{T["job.run"]} #{tab.Path[16..]}";
        }

        if (OffMenuTitles.TryGetValue(tab.Path, out var key))
        {
            return T[key];
        }

        var (_, item) = NavigationCatalog.Locate(tab.Path);
        var title = item is not null ? T[item.TitleKey].Value
            : tab.Path.StartsWith("/profile", StringComparison.Ordinal) ? T["shell.profile"].Value
            : tab.Path;
        if (item is null || tab.Path == item.Href)
        {
            return title;
        }

        var segments = tab.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var id = segments.LastOrDefault(s => long.TryParse(s, out _));
        var suffix = segments[^1] switch
        {
            "new" => T["common.new"].Value,
            "edit" => id is null ? T["common.new"].Value : $"#{id} {T["common.edit"]}",
            _ => id is null ? null : $"#{id}",
        };
        // A path word is never shown as a title: it is not in the viewer's language.
        return suffix is null ? title : $"{title} {suffix}";
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
