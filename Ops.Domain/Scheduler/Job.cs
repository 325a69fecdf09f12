using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Domain.Scheduler;

public enum JobType
{
    Http,
    Shell,
    Sql,
    Python,
}

/// <summary>What a fire does while an earlier run of the same job is still going.</summary>
public enum ConcurrencyPolicy
{
    /// <summary>The new fire is logged as <see cref="JobRunStatus.Skipped"/>.</summary>
    Forbid,
    Allow,
}

/// <summary>What happens to fires missed while the scheduler was down or busy.</summary>
public enum MisfirePolicy
{
    /// <summary>Run once as soon as possible, however many fires were missed.</summary>
    FireOnceNow,

    /// <summary>Skip the missed fires and wait for the next one.</summary>
    Skip,
}

/// <summary>
/// A scheduled job (seed t_job). This table is the source of truth; the Quartz trigger is kept in
/// step with it by the schedule sync. It changes only through its methods (<see cref="Create"/>,
/// <see cref="Configure"/>, <see cref="Reschedule"/>, <see cref="Enable"/>, <see cref="Pause"/>, …).
/// </summary>
public sealed partial class Job : AuditableEntity, IVersioned, ISoftDeletable, IChangeTracked
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int CronMaxLength = 120;
    public const int TimeZoneMaxLength = 64;
    public const int ConfigMaxLength = 200_000;
    public const int MaxRetries = 10;
    public const int MaxRetryIntervalSeconds = 86_400;
    public const int MaxTimeoutSeconds = 86_400;

    private Job()
    {
    }

    private Job(string name, JobType type)
    {
        Name = name;
        Type = type;
    }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    /// <summary>Fixed at creation: a job's config only makes sense for its type.</summary>
    public JobType Type { get; private set; }

    /// <summary>Quartz syntax, with seconds.</summary>
    public string Cron { get; private set; } = "";

    /// <summary>IANA time-zone id the cron is read in, e.g. <c>Asia/Shanghai</c>.</summary>
    public string TimeZone { get; private set; } = "UTC";

    /// <summary>The type's config as JSON (see <see cref="JobConfigJson"/>).</summary>
    public string Config { get; private set; } = "{}";

    public int RetryCount { get; private set; }

    public int RetryIntervalSeconds { get; private set; } = 60;

    public int TimeoutSeconds { get; private set; } = 300;

    public bool Enabled { get; private set; } = true;

    public ConcurrencyPolicy Concurrency { get; private set; }

    public MisfirePolicy Misfire { get; private set; }

    /// <summary>Run again at the next start when a run was interrupted by a crash or restart.</summary>
    public bool Recoverable { get; private set; }

    /// <summary>The owning department: data scopes decide who sees the job.</summary>
    public long? DepartmentId { get; private set; }

    public bool AlertOnFailure { get; private set; }

    public bool AlertOnTimeout { get; private set; }

    /// <summary>Alert when this many final runs in a row failed (null: off).</summary>
    public int? AlertAfterFailures { get; private set; }

    /// <summary>Alert when a run takes longer than this (null: off).</summary>
    public int? AlertDurationSeconds { get; private set; }

    /// <summary>Channels alerts go through, comma-separated <see cref="MessageChannel"/> names.</summary>
    public string AlertChannels { get; private set; } = "";

    /// <summary>User ids alerts go to, comma-separated.</summary>
    public string AlertRecipients { get; private set; } = "";

    public bool IsPaused { get; private set; }

    /// <summary>When a paused job resumes by itself (null: paused until resumed by hand).</summary>
    public DateTimeOffset? PausedUntil { get; private set; }

    public int Version { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    /// <summary>Whether cron fires are due now: enabled and not paused.</summary>
    public bool IsScheduled => Enabled && !IsPaused;

    public IReadOnlyList<MessageChannel> Channels() => AlertChannels
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(c => Enum.TryParse<MessageChannel>(c, out var channel) ? channel : (MessageChannel?)null)
        .OfType<MessageChannel>()
        .Distinct()
        .ToList();

    public IReadOnlyList<long> Recipients() => AlertRecipients
        .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(r => long.TryParse(r, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null)
        .OfType<long>()
        .Distinct()
        .ToList();
}
