using Ops.Domain.Common;

namespace Ops.Domain.Scheduler.Flows;

/// <summary>One run of a flow (seed t_flow_instance); its node states are <see cref="FlowNodeRun"/> rows, so a restart can resume it.</summary>
public sealed class FlowInstance : Entity
{
    private FlowInstance()
    {
    }

    public FlowInstance(long flowId, string definition, JobTriggerType trigger, long? triggeredBy, string traceId, string node, long? rerunOf, DateTimeOffset now)
    {
        FlowId = flowId;
        Definition = definition;
        Trigger = trigger;
        TriggeredBy = triggeredBy;
        TraceId = traceId;
        Node = node;
        RerunOf = rerunOf;
        CreatedAt = now;
    }

    public long FlowId { get; private set; }

    /// <summary>The flow as drawn when the instance started (JSON of <see cref="FlowSnapshot"/>): later edits do not change a run.</summary>
    public string Definition { get; private set; } = "";

    public JobTriggerType Trigger { get; private set; }

    public long? TriggeredBy { get; private set; }

    public FlowStatus Status { get; private set; } = FlowStatus.Pending;

    /// <summary>Shared by every node's run log.</summary>
    public string TraceId { get; private set; } = "";

    /// <summary>The portal node driving the instance.</summary>
    public string Node { get; private set; } = "";

    /// <summary>The failed instance this one reruns (keeping its successful nodes).</summary>
    public long? RerunOf { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public long? DurationMs { get; private set; }

    public bool CancelRequested { get; private set; }

    public string? Result { get; private set; }

    public bool IsFinished => Status is FlowStatus.Success or FlowStatus.Failed or FlowStatus.Partial or FlowStatus.Cancelled;

    public void Start(DateTimeOffset now)
    {
        Status = FlowStatus.Running;
        StartedAt ??= now;
        (EndedAt, DurationMs) = (null, null);
    }

    public void RequestCancel() => CancelRequested = true;

    public void Finish(FlowStatus status, DateTimeOffset now, string? result)
    {
        Status = status;
        EndedAt = now;
        DurationMs = StartedAt is { } start ? (long)(now - start).TotalMilliseconds : 0;
        Result = result;
    }

    /// <summary>A person forced or skipped a node of a finished instance: it runs on from where it stopped.</summary>
    public void Reopen(DateTimeOffset now)
    {
        if (CancelRequested)
        {
            throw new DomainException("scheduler.flow.instance_cancelled");
        }

        Start(now);
    }
}

/// <summary>The state of one node in one instance, with the run log of its job.</summary>
public sealed class FlowNodeRun : Entity
{
    public const int ResultMaxLength = 4000;

    private FlowNodeRun()
    {
    }

    public FlowNodeRun(long instanceId, string key, long jobId)
    {
        InstanceId = instanceId;
        Key = key;
        JobId = jobId;
    }

    public long InstanceId { get; private set; }

    public string Key { get; private set; } = "";

    public long JobId { get; private set; }

    public FlowNodeStatus Status { get; private set; }

    public long? JobLogId { get; private set; }

    /// <summary>The run log of the current attempt; set with <see cref="Started"/> so both are saved together.</summary>
    public JobLog? Log { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>The job's result, kept for downstream <c>${nodes.&lt;key&gt;.result}</c>.</summary>
    public string? Result { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Set when a person forced success; the run itself failed.</summary>
    public bool Forced { get; private set; }

    public void Started(DateTimeOffset now, JobLog log)
    {
        Status = FlowNodeStatus.Running;
        StartedAt = now;
        Log = log;
    }

    public void Finished(FlowNodeStatus status, DateTimeOffset now, string? result, string? error)
    {
        Status = status;
        EndedAt = now;
        Result = result is { Length: > ResultMaxLength } ? result[..ResultMaxLength] : result;
        Error = error is { Length: > ResultMaxLength } ? error[..ResultMaxLength] : error;
    }

    /// <summary>Carried over from an earlier instance (rerun from failed): the result stays, nothing runs.</summary>
    public void Keep(FlowNodeRun earlier)
    {
        (Status, JobLogId, StartedAt, EndedAt, Result, Forced) = (earlier.Status, earlier.JobLogId, earlier.StartedAt, earlier.EndedAt, earlier.Result, earlier.Forced);
    }

    public void Block() => Status = FlowNodeStatus.UpstreamFailed;

    /// <summary>Interrupted by a restart and its job is recoverable: it runs again.</summary>
    public void Retry()
    {
        if (Status == FlowNodeStatus.Running)
        {
            (Status, StartedAt) = (FlowNodeStatus.Pending, null);
        }
    }

    public void Cancel() => Status = Status is FlowNodeStatus.Pending or FlowNodeStatus.Running ? FlowNodeStatus.Cancelled : Status;

    public void ForceSuccess()
    {
        if (Status != FlowNodeStatus.Failed)
        {
            throw new DomainException("scheduler.flow.node_not_failed");
        }

        (Status, Forced) = (FlowNodeStatus.Success, true);
    }

    public void SkipByHand()
    {
        if (Status is FlowNodeStatus.Running or FlowNodeStatus.Success)
        {
            throw new DomainException("scheduler.flow.node_not_skippable");
        }

        Status = FlowNodeStatus.Skipped;
    }

    /// <summary>Blocked only because of an upstream node that is now done: may run again.</summary>
    public void Unblock()
    {
        if (Status is FlowNodeStatus.UpstreamFailed or FlowNodeStatus.Cancelled)
        {
            Status = FlowNodeStatus.Pending;
        }
    }
}
