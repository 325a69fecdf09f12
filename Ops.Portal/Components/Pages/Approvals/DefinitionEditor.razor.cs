using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Approvals.Components;

namespace Ops.Portal.Components.Pages.Approvals;

/// <summary>
/// The designer of one approval definition: basics, form, process and versions, the tab in the query string. The
/// form and the process are one draft kept here and saved together; every edit is checked (pure, after a short
/// pause) and the problems are listed and outlined. Publishing saves pending edits first and keeps the draft when refused.
/// </summary>
public sealed partial class DefinitionEditor : IDisposable
{
    private const int CheckDelayMs = 400;
    private static readonly string[] Tabs = ["basics", "form", "process", "versions"];

    private readonly ProcessDrawing _drawing = new();
    private DefinitionDetail? _detail;
    private ApprovalForm _form = ApprovalForm.Empty;
    private int _version;
    private readonly FieldErrors _basicsErrors = new();
    private bool _missing;
    private bool _busy;
    private bool _dirty;
    private bool _checking;
    private bool _checked;
    private bool _canEdit;
    private bool _canPublish;
    private string? _publishError;
    private IReadOnlyList<ApprovalProblem> _problems = [];
    private IReadOnlySet<string> _formProblemKeys = new HashSet<string>();
    private CancellationTokenSource? _pendingCheck;

    [Inject]
    private IApprovalDefinitionService Definitions { get; set; } = default!;

    [Inject]
    private IPermissionGuard Guard { get; set; } = default!;

    [Inject]
    private UiErrorHandler Ui { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public long Id { get; set; }

    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    private int TabIndex
    {
        get => Math.Max(0, Array.IndexOf(Tabs, Tab ?? "basics"));
        set
        {
            // MudTabs reports the index on first render too; only a real switch changes the address.
            var tab = Tabs[Math.Clamp(value, 0, Tabs.Length - 1)];
            if (tab != (Tab ?? "basics"))
            {
                Tab = tab;
                Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("tab", tab), replace: true);
            }
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _canEdit = await Guard.HasAsync(ApprovalPermissions.Definitions.Edit);
        _canPublish = await Guard.HasAsync(ApprovalPermissions.Definitions.Publish);
        var found = await Ui.RunAsync(() => Definitions.GetAsync(Id));
        if (found is { IsSuccess: true, Value: { } detail })
        {
            (_detail, _form, _version) = (detail, detail.DraftForm, detail.Version);
            _drawing.Load(detail.DraftProcess);
            _drawing.GraphChanged += OnGraphChanged;
            Check();
        }
        else
        {
            _missing = true;
        }
    }

    private static int? Badge(IReadOnlySet<string> keys) => keys.Count > 0 ? keys.Count : null;

    private void FormChanged(ApprovalForm form)
    {
        _form = form;
        Edited();
    }

    private void OnGraphChanged() => _ = InvokeAsync(Edited);

    /// <summary>The draft changed: it needs saving, and checking once it has stayed unchanged for a moment.</summary>
    private void Edited()
    {
        _dirty = true;
        _pendingCheck?.Cancel();
        _pendingCheck?.Dispose();
        _pendingCheck = new CancellationTokenSource();
        _checking = true;
        _ = CheckLaterAsync(_pendingCheck.Token);
        StateHasChanged();
    }

    private async Task CheckLaterAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(CheckDelayMs, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await InvokeAsync(() =>
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Check();
                StateHasChanged();
            }
        });
    }

    /// <summary>Every problem of the draft as it is now; the nodes and fields they name are outlined.</summary>
    private void Check()
    {
        try
        {
            _problems = Definitions.Validate(_drawing.ToProcess(), _form);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The check only informs; publish checks again on the server.
            _problems = [];
        }

        var named = _problems.SelectMany(p => p.Keys).ToHashSet(StringComparer.Ordinal);
        _drawing.MarkProblems(named);
        _formProblemKeys = _form.Fields.Select(f => f.Key).Where(named.Contains).ToHashSet(StringComparer.Ordinal);
        (_checking, _checked) = (false, true);
    }
}
