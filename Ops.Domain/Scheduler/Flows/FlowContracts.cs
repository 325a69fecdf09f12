using Ops.Domain.Common;

namespace Ops.Domain.Scheduler.Flows;

public sealed record FlowNodeInput(
    string Key, long JobId, double X, double Y, string? Parameters = null, int? RetryCount = null, int? TimeoutSeconds = null,
    FailurePolicy Policy = FailurePolicy.FailFlow);

public sealed record FlowEdgeInput(string From, string To);

/// <summary>What the flow editor saves: the flow's settings and the whole drawing.</summary>
public sealed record FlowInput(
    string Name,
    string? Description,
    string? Cron,
    string TimeZone,
    bool Enabled,
    long? DepartmentId,
    int MaxParallel,
    IReadOnlyList<FlowNodeInput> Nodes,
    IReadOnlyList<FlowEdgeInput> Edges);

public sealed record FlowRow(
    long Id, string Name, string? Cron, bool Enabled, int NodeCount, FlowStatus? LastStatus, DateTimeOffset? LastRunAt,
    DateTimeOffset? NextFireAt, string? DepartmentName, int Version, string TimeZone = "UTC");

public sealed record FlowDetail(long Id, FlowInput Input, int Version);

/// <summary>A job the editor's palette offers.</summary>
public sealed record FlowJobOption(long Id, string Name, JobType Type, bool Enabled);

public sealed record FlowInstanceRow(
    long Id, long FlowId, string FlowName, JobTriggerType Trigger, FlowStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt, long? DurationMs, long? RerunOf, string TraceId);

public sealed record FlowNodeRunRow(
    string Key, long JobId, string JobName, FlowNodeStatus Status, long? JobLogId, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt,
    bool Forced, string? Error);

public sealed record FlowInstanceDetail(FlowInstanceRow Instance, IReadOnlyList<FlowNodeRunRow> Nodes, IReadOnlyList<FlowNodeInput> Layout, IReadOnlyList<FlowEdgeInput> Edges);

public sealed record FlowInstanceFilter(long? FlowId = null, FlowStatus? Status = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

public interface IJobFlowService
{
    Task<PagedResult<FlowRow>> ListAsync(PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<FlowDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(FlowInput input, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, FlowInput input, int version, CancellationToken cancellationToken = default);

    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Every problem of a drawing, for the canvas; empty when it can be saved.</summary>
    Task<IReadOnlyList<FlowProblem>> ValidateAsync(FlowInput input, CancellationToken cancellationToken = default);

    /// <summary>The jobs the palette offers (visible to the caller).</summary>
    Task<IReadOnlyList<FlowJobOption>> JobOptionsAsync(CancellationToken cancellationToken = default);
}

public interface IFlowRunService
{
    Task<Result<long>> RunNowAsync(long flowId, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Stops running nodes and cancels the rest.</summary>
    Task<Result> CancelAsync(long instanceId, CancellationToken cancellationToken = default);

    /// <summary>A new instance that keeps the successful nodes' results and runs the others.</summary>
    Task<Result<long>> RerunFromFailedAsync(long instanceId, CancellationToken cancellationToken = default);

    /// <summary>Marks a failed node successful so its downstream runs.</summary>
    Task<Result> ForceSuccessAsync(long instanceId, string nodeKey, CancellationToken cancellationToken = default);

    /// <summary>Skips a pending or failed node: its downstream treats it as done.</summary>
    Task<Result> SkipAsync(long instanceId, string nodeKey, CancellationToken cancellationToken = default);

    Task<PagedResult<FlowInstanceRow>> InstancesAsync(FlowInstanceFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<FlowInstanceDetail>> GetAsync(long instanceId, CancellationToken cancellationToken = default);
}

/// <summary>An instance or one of its nodes changed state; open instance views redraw.</summary>
public sealed record FlowInstanceChanged(long FlowId, long InstanceId, FlowStatus Status, string? NodeKey, FlowNodeStatus? NodeStatus);
