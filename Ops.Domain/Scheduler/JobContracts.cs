using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Domain.Scheduler;

/// <summary>What the job editor submits; <see cref="Config"/> is the type's JSON (<see cref="JobConfigJson"/>).</summary>
public sealed record JobInput(
    string Name,
    string? Description,
    JobType Type,
    string Cron,
    string TimeZone,
    string Config,
    int RetryCount = 0,
    int RetryIntervalSeconds = 60,
    int TimeoutSeconds = 300,
    bool Enabled = true,
    ConcurrencyPolicy Concurrency = ConcurrencyPolicy.Forbid,
    MisfirePolicy Misfire = MisfirePolicy.FireOnceNow,
    bool Recoverable = false,
    long? DepartmentId = null,
    bool AlertOnFailure = false,
    bool AlertOnTimeout = false,
    int? AlertAfterFailures = null,
    int? AlertDurationSeconds = null,
    IReadOnlyList<MessageChannel>? AlertChannels = null,
    IReadOnlyList<long>? AlertRecipients = null);

/// <summary>A job in the list, with how it has been doing.</summary>
public sealed record JobRow(
    long Id,
    string Name,
    JobType Type,
    string Cron,
    string TimeZone,
    bool Enabled,
    bool IsPaused,
    DateTimeOffset? PausedUntil,
    JobRunStatus? LastStatus,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? NextFireAt,
    double? SuccessRate,
    long? DepartmentId,
    string? DepartmentName,
    long? OwnerId,
    string? OwnerName,
    int Version);

public sealed record JobDetail(long Id, JobInput Input, bool IsPaused, DateTimeOffset? PausedUntil, DateTimeOffset? NextFireAt, int Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record JobFilter(JobType? Type = null, bool? Enabled = null, JobRunStatus? LastStatus = null);

/// <summary>The cron editor's preview: a plain description and the next fire times, or the error.</summary>
public sealed record CronPreview(bool Valid, string? Error, string? Description, IReadOnlyList<DateTimeOffset> NextFireTimes)
{
    /// <summary>The arguments of <see cref="Error"/>'s text (the field's position and what was typed there).</summary>
    public IReadOnlyList<object> ErrorArgs { get; init; } = [];
}

/// <summary>A run in the history or the live view.</summary>
public sealed record JobLogRow(
    long Id,
    long JobId,
    JobTriggerType Trigger,
    JobRunStatus Status,
    DateTimeOffset? ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    long? DurationMs,
    int Attempt,
    long? FirstAttemptId,
    string Node,
    string TraceId,
    string? InputParams,
    string? Result,
    string? Error);

public sealed record JobLogFilter(JobRunStatus? Status = null, JobTriggerType? Trigger = null, DateTimeOffset? From = null, DateTimeOffset? To = null);

/// <summary>The outcome of a batch action: how many jobs it changed.</summary>
public sealed record BatchOutcome(int Changed);

public interface IJobService
{
    Task<PagedResult<JobRow>> ListAsync(JobFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<JobDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(JobInput input, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, JobInput input, int version, CancellationToken cancellationToken = default);

    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Enables or disables several jobs at once; all or nothing.</summary>
    Task<Result<BatchOutcome>> SetEnabledAsync(IReadOnlyCollection<long> ids, bool enabled, CancellationToken cancellationToken = default);

    /// <summary>Pauses cron fires, optionally until <paramref name="until"/> when the job resumes by itself.</summary>
    Task<Result> PauseAsync(long id, DateTimeOffset? until, CancellationToken cancellationToken = default);

    Task<Result> ResumeAsync(long id, CancellationToken cancellationToken = default);

    CronPreview Preview(string cron, string timeZone, int count = 10);
}

/// <summary>Running, stopping and reading runs.</summary>
public interface IJobRunService
{
    /// <summary>Starts a run now, with optional parameters (JSON object); returns the run's log id once it is recorded.</summary>
    Task<Result<long>> RunNowAsync(long jobId, string? parameters = null, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Runs several jobs now; all are checked before any starts.</summary>
    Task<Result<BatchOutcome>> RunManyAsync(IReadOnlyCollection<long> jobIds, CancellationToken cancellationToken = default);

    /// <summary>Stops a running execution; it ends as cancelled within moments.</summary>
    Task<Result> StopAsync(long logId, CancellationToken cancellationToken = default);

    Task<PagedResult<JobLogRow>> HistoryAsync(long jobId, JobLogFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>The latest runs for a chart: times, status and duration only (no output, error or parameters).</summary>
    Task<IReadOnlyList<JobLogRow>> RecentAsync(long jobId, JobLogFilter filter, int count, CancellationToken cancellationToken = default);

    Task<Result<JobLogRow>> GetLogAsync(long logId, CancellationToken cancellationToken = default);

    /// <summary>What a running execution has printed so far (live view starts from this, then follows events).</summary>
    Task<Result<string>> OutputAsync(long logId, CancellationToken cancellationToken = default);
}

/// <summary>A run changed state; open pages refresh.</summary>
public sealed record JobRunChanged(long JobId, long LogId, JobRunStatus Status);

/// <summary>A running execution printed one or more lines (<paramref name="Line"/> holds them without the final line break).</summary>
public sealed record JobOutputAppended(long LogId, string Line);
