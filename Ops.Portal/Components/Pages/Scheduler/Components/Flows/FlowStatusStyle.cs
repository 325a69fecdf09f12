using Microsoft.Extensions.Localization;
using MudBlazor;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>
/// Colours and texts of flow and node states, shared by the canvas, the Gantt chart and the chips. The colours
/// are the run chart's (<see cref="JobRunChartOptions.StatusColors"/>) wherever a job-run state has the same meaning.
/// </summary>
internal static class FlowStatusStyle
{
    public static readonly IReadOnlyList<(FlowNodeStatus Status, string Color)> NodeColors =
    [
        (FlowNodeStatus.Success, "#4caf50"),
        (FlowNodeStatus.Failed, "#f44336"),
        (FlowNodeStatus.UpstreamFailed, "#ff9800"),
        (FlowNodeStatus.Cancelled, "#9e9e9e"),
        (FlowNodeStatus.Skipped, "#bdbdbd"),
        (FlowNodeStatus.Running, "#2196f3"),
        (FlowNodeStatus.Pending, "#90caf9"),
    ];

    public static string ColorOf(FlowNodeStatus status) => NodeColors.First(c => c.Status == status).Color;

    /// <summary>"scheduler.status.upstream_failed" for UpstreamFailed: resource keys are snake case.</summary>
    public static string TextKey(FlowNodeStatus status) => "scheduler.status." + Snake(status.ToString());

    public static string TextKey(FlowStatus status) => "scheduler.status." + Snake(status.ToString());

    public static string Text(IStringLocalizer text, FlowNodeStatus status) => text[TextKey(status)].Value;

    public static Color ChipColor(FlowStatus status) => status switch
    {
        FlowStatus.Success => Color.Success,
        FlowStatus.Failed => Color.Error,
        FlowStatus.Partial => Color.Warning,
        FlowStatus.Running => Color.Info,
        FlowStatus.Pending => Color.Primary,
        _ => Color.Default,
    };

    public static bool IsFinished(FlowStatus status) => status is FlowStatus.Success or FlowStatus.Failed or FlowStatus.Partial or FlowStatus.Cancelled;

    private static string Snake(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
