using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

/// <summary>The scheduling log's filters; times are UTC, <see cref="To"/> exclusive, both on the run's start (its due time before it starts).</summary>
public sealed record SchedulerLogFilter(
    long? JobId = null,
    JobRunStatus? Status = null,
    JobTriggerType? Trigger = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);

/// <summary>A run of any job in the scheduling log: the run without its output and parameters, with its job's name.</summary>
public sealed record SchedulerLogRow(
    long Id,
    long JobId,
    string JobName,
    JobTriggerType Trigger,
    JobRunStatus Status,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long? DurationMs,
    int Attempt,
    string Node,
    string TraceId,
    string? Error);

/// <summary>A job to pick in the log's job filter.</summary>
public sealed record JobOption(long Id, string Name);

/// <summary>
/// The scheduling log across all jobs the caller may see (XXL-JOB's 调度日志): query, export and clearing of old runs.
/// Runs of jobs outside the caller's data scope are never returned or removed.
/// </summary>
public interface ISchedulerLogService
{
    Task<PagedResult<SchedulerLogRow>> QueryAsync(SchedulerLogFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Jobs in scope whose name contains <paramref name="search"/>, for the job filter; at most <paramref name="count"/>.
    /// With <paramref name="id"/>, only that job (to name a filter read from the address).
    /// </summary>
    Task<IReadOnlyList<JobOption>> ListJobsAsync(string? search, int count = 20, long? id = null, CancellationToken cancellationToken = default);

    Task<byte[]> ExportAsync(SchedulerLogFilter filter, SheetFormat format, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes finished runs that started before <paramref name="before"/> (of one job when <paramref name="jobId"/> is set).
    /// Runs still pending or running, runs of a flow instance and runs an alert points at are kept. Returns how many were removed.
    /// </summary>
    Task<Result<int>> ClearAsync(DateTimeOffset before, long? jobId = null, CancellationToken cancellationToken = default);
}
