using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Common;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Components.Pages.Scheduler;

/// <summary>
/// One flow instance, live: the DAG coloured by node state, the node list with its hand actions and the timeline.
/// Every <see cref="FlowInstanceChanged"/> of this instance reloads it; while it runs a timer moves the clock on.
/// </summary>
public sealed partial class FlowInstanceView : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);

    private FlowInstanceDetail? _detail;
    private FlowRunDrawing? _drawing;
    private bool _missing;
    private bool _loading;
    private bool _loadAgain;
    private long _shownId;
    private IDisposable? _subscription;
    private Timer? _timer;

    [Inject]
    private IFlowRunService Runs { get; set; } = default!;

    [Inject]
    private UiErrorHandler Ui { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private LiveEvents Events { get; set; } = default!;

    [Parameter]
    public long InstanceId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        // A rerun navigates from one instance to another on the same page component; other parameter sets change nothing.
        if (InstanceId == _shownId)
        {
            return;
        }

        _shownId = InstanceId;
        _subscription?.Dispose();
        (_detail, _drawing, _missing) = (null, null, false);

        // Subscribe first, then read: a change in between reloads once more at worst, never goes missing.
        var id = InstanceId;
        _subscription = Events.Subscribe<FlowInstanceChanged>(e => e.InstanceId == id ? InvokeAsync(ReloadAsync) : Task.CompletedTask);
        _timer ??= new Timer(_ => _ = InvokeAsync(OnTick), null, Tick, Tick);
        await ReloadAsync();
    }

    /// <summary>Reloads the instance; changes that arrive during a reload are folded into one more reload.</summary>
    private async Task ReloadAsync()
    {
        if (_loading)
        {
            _loadAgain = true;
            return;
        }

        _loading = true;
        try
        {
            do
            {
                _loadAgain = false;
                await LoadAsync();
            }
            while (_loadAgain);
        }
        finally
        {
            _loading = false;
        }

        StateHasChanged();
    }

    private async Task LoadAsync()
    {
        var found = await Ui.RunAsync(() => Runs.GetAsync(InstanceId));
        if (found is not { IsSuccess: true, Value: { } detail })
        {
            _missing = found is not null;
            return;
        }

        _detail = detail;
        if (_drawing is null)
        {
            _drawing = new FlowRunDrawing(detail);
        }
        else
        {
            _drawing.Update(detail.Nodes);
        }
    }

    /// <summary>Running bars and durations grow with the clock.</summary>
    private void OnTick()
    {
        if (_detail?.Instance.Status is FlowStatus.Running or FlowStatus.Pending)
        {
            StateHasChanged();
        }
    }

    private async Task CancelAsync()
    {
        if (await ConfirmDialog.ShowAsync(Dialogs, T["flow.instance.cancel"], T["flow.instance.cancel_confirm"], T["flow.instance.cancel"]))
        {
            Report(await Ui.RunAsync(() => Runs.CancelAsync(InstanceId)));
        }
    }

    private async Task RerunAsync()
    {
        var rerun = await Ui.RunAsync(() => Runs.RerunFromFailedAsync(InstanceId));
        if (rerun is { IsSuccess: true })
        {
            Navigation.NavigateTo($"/scheduler/flows/instances/{rerun.Value}");
        }

        Report(rerun);
    }

    private async Task ForceSuccessAsync(FlowNodeRunRow node)
    {
        if (await ConfirmDialog.ShowAsync(Dialogs, T["flow.node.force_success"], T["flow.node.force_confirm", node.Key], T["flow.node.force_success"]))
        {
            Report(await Ui.RunAsync(() => Runs.ForceSuccessAsync(InstanceId, node.Key)));
        }
    }

    private async Task SkipAsync(FlowNodeRunRow node)
    {
        if (await ConfirmDialog.ShowAsync(Dialogs, T["flow.node.skip"], T["flow.node.skip_confirm", node.Key], T["flow.node.skip"]))
        {
            Report(await Ui.RunAsync(() => Runs.SkipAsync(InstanceId, node.Key)));
        }
    }

    private void Report(Ops.Domain.Common.Result? result) => Ui.Show(result);

    public void Dispose()
    {
        _subscription?.Dispose();
        _timer?.Dispose();
    }
}
