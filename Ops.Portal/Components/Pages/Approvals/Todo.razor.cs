using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Approvals;

/// <summary>The four inboxes (<c>?box=todo|done|mine|cc</c>), and every application for holders of view_all (<c>?box=all</c>); server-paged, live for the signed-in user.</summary>
public sealed partial class Todo
{
    private MudDataGrid<InboxRow>? _grid;
    private HashSet<InboxRow> _selected = [];
    private InboxCounts? _counts;
    private InboxBox _box;
    private string? _search;
    private string? _definition;
    private ApprovalStatus? _status;
    private ApprovalUrgency? _urgency;
    private DateRange? _range;
    private bool _unreadOnly;
    private bool _viewAll;
    private bool _exporting;
    private IDisposable? _subscription;

    [SupplyParameterFromQuery(Name = "box")]
    public string? Box { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private IPermissionGuard Guard { get; set; } = default!;

    [Inject]
    private ViewerTime Viewer { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _viewAll = await Guard.HasAsync(ApprovalPermissions.Instances.ViewAll);
        if (AuthenticationState is not null && CurrentUser.FromPrincipal((await AuthenticationState).User).UserId is { } userId)
        {
            _subscription = Events.SubscribeForUser<ApprovalInboxChanged>(userId, _ => InvokeAsync(ReloadAsync));
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        var box = Enum.TryParse<InboxBox>(Box, ignoreCase: true, out var parsed) ? parsed : InboxBox.Todo;
        var changed = box != _box;
        _box = box;
        if (changed)
        {
            _selected.Clear();
            _unreadOnly = false;
            await (_grid?.ReloadServerData() ?? Task.CompletedTask);
        }

        _counts ??= await Ui.RunAsync(() => Inbox.CountsAsync());
    }

    private int? CountOf(InboxBox box) => box switch
    {
        InboxBox.Todo => _counts?.Todo,
        InboxBox.Done => _counts?.Done,
        InboxBox.Mine => _counts?.Mine,
        InboxBox.Cc => _counts?.UnreadCc,
        _ => null,
    };

    private async Task<GridData<InboxRow>> LoadAsync(GridState<InboxRow> state, CancellationToken cancellationToken)
    {
        var filter = Filter();
        var page = GridSorts.Request(state) with { Search = _search };
        var rows = await Ui.RunAsync(() => Inbox.ListAsync(_box, filter, page, cancellationToken));
        return new GridData<InboxRow> { Items = rows?.Items ?? [], TotalItems = rows?.TotalCount ?? 0 };
    }

    private InboxFilter Filter() =>
        new(_search, _definition, _status, _urgency, Start(_range?.Start), End(_range?.End), _box == InboxBox.Cc && _unreadOnly ? true : null);

    /// <summary>The box as filtered on screen, as an Excel workbook.</summary>
    private async Task ExportAsync()
    {
        _exporting = true;
        try
        {
            await Sheets.DownloadAsync($"approvals-{_box.ToString().ToLowerInvariant()}", format => Inbox.ExportAsync(_box, Filter(), format));
        }
        finally
        {
            _exporting = false;
        }
    }

    private DateTimeOffset? Start(DateTime? day) => Viewer.StartOfDay(day);

    /// <summary>The end of a picked day in the viewer's zone, so a one-day range covers that whole day.</summary>
    private DateTimeOffset? End(DateTime? day) => Viewer.EndOfDay(day);

    private Task FilterAsync(Action change)
    {
        change();
        _selected.Clear();
        return _grid?.ReloadServerData() ?? Task.CompletedTask;
    }

    private async Task AfterBatchAsync()
    {
        _selected.Clear();
        await ReloadAsync();
    }

    private async Task ReloadAsync()
    {
        _counts = await Ui.RunAsync(() => Inbox.CountsAsync()) ?? _counts;
        await (_grid?.ReloadServerData() ?? Task.CompletedTask);
        StateHasChanged();
    }

    public void Dispose() => _subscription?.Dispose();
}
