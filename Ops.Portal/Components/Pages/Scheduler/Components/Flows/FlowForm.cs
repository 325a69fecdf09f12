using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>The flow editor's settings: plain settable fields for the form, converted to and from <see cref="FlowInput"/>.</summary>
public sealed class FlowForm
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Off: the flow runs only by hand (no cron is saved).</summary>
    public bool Scheduled { get; set; }

    public string Cron { get; set; } = "0 0 2 * * ?";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public bool Enabled { get; set; } = true;

    public int MaxParallel { get; set; } = 4;

    public long? DepartmentId { get; set; }

    public FlowInput ToInput(IReadOnlyList<FlowNodeInput> nodes, IReadOnlyList<FlowEdgeInput> edges) =>
        new(Name.Trim(), string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), Scheduled ? Cron.Trim() : null, TimeZone, Enabled,
            DepartmentId, MaxParallel, nodes, edges);

    public static FlowForm From(FlowInput input) => new()
    {
        Name = input.Name,
        Description = input.Description,
        Scheduled = !string.IsNullOrWhiteSpace(input.Cron),
        Cron = string.IsNullOrWhiteSpace(input.Cron) ? "0 0 2 * * ?" : input.Cron,
        TimeZone = input.TimeZone,
        Enabled = input.Enabled,
        MaxParallel = input.MaxParallel,
        DepartmentId = input.DepartmentId,
    };
}
