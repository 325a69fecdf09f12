using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>
/// A node of a flow on the canvas: a job with its key, an input port on the left and an output port on the right.
/// Public only because the node widgets take it as a parameter.
/// </summary>
public abstract class FlowNodeModel : NodeModel
{
    protected FlowNodeModel(string key, long jobId, string jobName, double x, double y) : base(new Point(x, y))
    {
        Key = key;
        JobId = jobId;
        JobName = jobName;
        Input = AddPort(new FlowPortModel(this, PortAlignment.Left));
        Output = AddPort(new FlowPortModel(this, PortAlignment.Right));
    }

    public string Key { get; }

    public long JobId { get; }

    public string JobName { get; }

    public PortModel Input { get; }

    public PortModel Output { get; }
}

/// <summary>A dependency is drawn from a node's output port (right) to another node's input port (left), never back.</summary>
public sealed class FlowPortModel(NodeModel parent, PortAlignment alignment) : PortModel(parent, alignment)
{
    public bool IsOutput => Alignment == PortAlignment.Right;

    public override bool CanAttachTo(ILinkable other) => IsOutput && other is FlowPortModel { IsOutput: false } && base.CanAttachTo(other);
}

/// <summary>A node in the flow editor: the job's overrides, edited in the side panel, and whether a problem names it.</summary>
public sealed class FlowEditorNode(FlowNodeInput input, string jobName, JobType? jobType)
    : FlowNodeModel(input.Key, input.JobId, jobName, input.X, input.Y)
{
    /// <summary>Null when the job is gone or outside the caller's scope.</summary>
    public JobType? JobType { get; } = jobType;

    public string? Parameters { get; set; } = input.Parameters;

    public int? RetryCount { get; set; } = input.RetryCount;

    public int? TimeoutSeconds { get; set; } = input.TimeoutSeconds;

    public FailurePolicy Policy { get; set; } = input.Policy;

    public bool HasProblem { get; set; }

    public FlowNodeInput ToInput() =>
        new(Key, JobId, Math.Round(Position.X, 1), Math.Round(Position.Y, 1), string.IsNullOrWhiteSpace(Parameters) ? null : Parameters, RetryCount, TimeoutSeconds, Policy);
}

/// <summary>A node of a running or finished instance, coloured by its state; links to its job's run log.</summary>
public sealed class FlowRunNode(FlowNodeInput layout, string jobName) : FlowNodeModel(layout.Key, layout.JobId, jobName, layout.X, layout.Y)
{
    public FlowNodeStatus Status { get; set; }

    public long? JobLogId { get; set; }

    public bool Forced { get; set; }
}
