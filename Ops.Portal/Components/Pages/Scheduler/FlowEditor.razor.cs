using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler.Flows;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;

namespace Ops.Portal.Components.Pages.Scheduler;

/// <summary>
/// The flow editor: settings, a palette of jobs and the drawing. Every change of the drawing or the settings is
/// checked by the service after a short pause, and again on Save, which is refused while problems remain.
/// </summary>
public sealed partial class FlowEditor : IDisposable
{
    private const int CheckDelayMs = 400;

    private readonly FlowDrawing _drawing = new();
    private readonly DirtyTracker _tracker = new();
    private readonly FieldErrors _errors = new();
    private FlowForm? _form;
    private int _version;
    private bool _missing;
    private bool _saving;
    private bool _checking;
    private bool _checked;
    private IReadOnlyList<FlowJobOption> _jobs = [];
    private IReadOnlyList<(long Id, string Name)> _departments = [];
    private IReadOnlyList<FlowProblem> _problems = [];
    private FlowJobOption? _dragged;
    private CancellationTokenSource? _pendingCheck;

    [Inject]
    private IJobFlowService Flows { get; set; } = default!;

    [Inject]
    private IDepartmentService Departments { get; set; } = default!;

    [Inject]
    private UiErrorHandler Ui { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public long? Id { get; set; }

    private string Title => Id is null ? T["flow.new"] : T["flow.edit"];

    protected override async Task OnInitializedAsync()
    {
        _drawing.GraphChanged += OnGraphChanged;
        _drawing.SelectionChanged += OnSelectionChanged;
        _jobs = await Ui.RunAsync(() => Flows.JobOptionsAsync()) ?? [];
        var tree = await Ui.RunAsync(() => Departments.GetTreeAsync()) ?? [];
        _departments = tree.SelectMany(d => d.SelfAndDescendants()).Select(d => (d.Id, d.Name)).ToList();
        if (Id is not { } id)
        {
            _form = new FlowForm();
            _tracker.Accept(Input());
            return;
        }

        var found = await Ui.RunAsync(() => Flows.GetAsync(id));
        if (found is { IsSuccess: true, Value: { } flow })
        {
            (_form, _version) = (FlowForm.From(flow.Input), flow.Version);
            _drawing.Load(flow.Input.Nodes, flow.Input.Edges, _jobs.ToDictionary(j => j.Id));
            _tracker.Accept(Input());
        }
        else
        {
            _missing = true;
        }
    }

    /// <summary>Names, settings, nodes, links and positions: anything not saved yet holds the page (reload, Back, Cancel).</summary>
    private bool IsDirty() => _form is not null && _tracker.IsDirty(Input());

    private FlowInput Input() => _form!.ToInput(_drawing.NodeInputs(), _drawing.Edges());

    private void Add(FlowJobOption job) => _drawing.Diagram.SelectModel(_drawing.Add(job), true);

    private void Drop(FlowPoint point)
    {
        if (_dragged is { } job)
        {
            // The pointer holds the node by its middle.
            _drawing.Diagram.SelectModel(_drawing.Add(job, new FlowPoint(point.X - 90, point.Y - 28)), true);
            _dragged = null;
        }
    }

    private void OnGraphChanged() => _ = InvokeAsync(ScheduleCheck);

    private void OnSelectionChanged() => _ = InvokeAsync(StateHasChanged);

    /// <summary>Checks the drawing once it has stayed unchanged for a moment.</summary>
    private void ScheduleCheck()
    {
        _pendingCheck?.Cancel();
        _pendingCheck?.Dispose();
        _pendingCheck = new CancellationTokenSource();
        _checking = true;
        _ = CheckLaterAsync(_pendingCheck.Token);
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

        await InvokeAsync(async () =>
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                await CheckAsync();
                StateHasChanged();
            }
        });
    }

    /// <summary>The problems of the drawing as it is now, shown on the canvas; null when the check itself failed.</summary>
    private async Task<IReadOnlyList<FlowProblem>?> CheckAsync()
    {
        var problems = await Ui.RunAsync(() => Flows.ValidateAsync(Input()));
        if (problems is not null)
        {
            (_problems, _checking, _checked) = (problems, false, true);
            _drawing.MarkProblems(problems);
        }

        return problems;
    }

    private async Task SaveAsync()
    {
        _saving = true;
        try
        {
            _pendingCheck?.Cancel();
            _errors.Clear();
            if (await CheckAsync() is not { } problems)
            {
                return;
            }

            if (problems.Count > 0)
            {
                Snackbar.Add(T["flow.save_refused", problems.Count], Severity.Warning);
                return;
            }

            var input = Input();
            Result? result = Id is { } id
                ? await Ui.RunAsync(() => Flows.UpdateAsync(id, input, _version))
                : await Ui.RunAsync(() => Flows.CreateAsync(input));
            if (Ui.Show(result, fields: _errors))
            {
                _tracker.Accept(input);
                Snackbar.Add(T["common.saved"], Severity.Success);
                Navigation.NavigateTo("/scheduler/flows");
            }
        }
        finally
        {
            _saving = false;
        }
    }

    public void Dispose()
    {
        _pendingCheck?.Cancel();
        _pendingCheck?.Dispose();
        _drawing.GraphChanged -= OnGraphChanged;
        _drawing.SelectionChanged -= OnSelectionChanged;
        _drawing.Dispose();
    }
}
