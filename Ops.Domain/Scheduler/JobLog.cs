using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

public enum JobTriggerType
{
    Cron,
    Manual,
    Flow,
    Retry,

    /// <summary>One run for the cron fires missed while the portal was down ("fire once now"), due when the last was.</summary>
    Missed,
}

public enum JobRunStatus
{
    Pending,
    Running,
    Success,
    Failed,
    Timeout,
    Cancelled,
    Skipped,
}

/// <summary>One attempt of a job (seed t_job_log), with the node that ran it. Retries point at their first attempt.</summary>
public sealed class JobLog : Entity
{
    public const int ResultMaxLength = 65_536;
    public const int ErrorMaxLength = 8_000;
    public const int ParamsMaxLength = 8_000;

    private JobLog()
    {
    }

    public JobLog(long jobId, JobTriggerType trigger, string traceId, string node, DateTimeOffset? scheduledAt, string? inputParams, long? firstAttemptId, int attempt, long? triggeredBy)
    {
        JobId = jobId;
        Trigger = trigger;
        TraceId = traceId;
        Node = node;
        ScheduledAt = scheduledAt;
        InputParams = inputParams is { Length: > ParamsMaxLength } ? inputParams[..ParamsMaxLength] : inputParams;
        FirstAttemptId = firstAttemptId;
        Attempt = attempt;
        TriggeredBy = triggeredBy;
    }

    public long JobId { get; private set; }

    public long? FlowId { get; private set; }

    public long? FlowInstanceId { get; private set; }

    public string TraceId { get; private set; } = "";

    public JobTriggerType Trigger { get; private set; }

    public JobRunStatus Status { get; private set; } = JobRunStatus.Pending;

    /// <summary>When the trigger was due; the start's delay from it is the scheduler's punctuality.</summary>
    public DateTimeOffset? ScheduledAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public long? DurationMs { get; private set; }

    public string? InputParams { get; private set; }

    public string? Result { get; private set; }

    public string? Error { get; private set; }

    public string Node { get; private set; } = "";

    /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
    public int Attempt { get; private set; } = 1;

    public long? FirstAttemptId { get; private set; }

    public long? TriggeredBy { get; private set; }

    /// <summary>
    /// The process group a shell or Python run started, as the scheduler names it after a crash
    /// (group id, start ticks, boot id); written by the runner, read at the next start.
    /// </summary>
    public string? Process { get; private set; }

    /// <summary>Set by Stop; the runner that holds the run (on any node) sees it and cancels.</summary>
    public bool CancelRequested { get; private set; }

    public bool IsFinished => Status is not (JobRunStatus.Pending or JobRunStatus.Running);

    /// <summary>This run is a node of a flow instance.</summary>
    public void PartOf(long flowId, long instanceId) => (FlowId, FlowInstanceId) = (flowId, instanceId);

    /// <summary>Runs now on <paramref name="node"/> (a run queued on one node may be fired on another).</summary>
    public void Start(DateTimeOffset now, string node)
    {
        Status = JobRunStatus.Running;
        StartedAt = now;
        Node = node;
    }

    public void Skip(DateTimeOffset now, string reason)
    {
        Status = JobRunStatus.Skipped;
        (StartedAt, EndedAt, DurationMs) = (now, now, 0);
        Error = reason;
    }

    public void RequestCancel() => CancelRequested = true;

    public void Finish(JobRunStatus status, DateTimeOffset now, string? result, string? error)
    {
        if (status is JobRunStatus.Pending or JobRunStatus.Running)
        {
            throw new DomainException("scheduler.log.not_final");
        }

        Status = status;
        EndedAt = now;
        DurationMs = StartedAt is { } start ? (long)(now - start).TotalMilliseconds : 0;
        Result = Cap(result, ResultMaxLength);
        Error = Cap(error, ErrorMaxLength);
    }

    private static string? Cap(string? text, int max) => text is null || text.Length <= max ? text : text[..max];
}
