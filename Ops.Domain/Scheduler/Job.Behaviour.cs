using System.Globalization;
using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

/// <summary>What a job does: it is created and configured from checked editor input, rescheduled, enabled or disabled, paused and resumed.</summary>
public sealed partial class Job
{
    /// <summary>A new job from the editor's input, checked by <see cref="JobRules.Validate"/> (the cron syntax and references are the service's to check).</summary>
    public static Result<Job> Create(JobInput input)
    {
        var valid = JobRules.Validate(input);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        var job = new Job(input.Name.Trim(), input.Type);
        var applied = job.Apply(input);
        return applied.IsFailure ? applied.Error! : job;
    }

    /// <summary>Replaces every editable setting; the type is fixed at creation.</summary>
    public Result Configure(JobInput input)
    {
        if (input.Type != Type)
        {
            return Error.Invalid("scheduler.job.type_fixed");
        }

        var valid = JobRules.Validate(input);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        var applied = Apply(input);
        if (applied.IsSuccess)
        {
            Name = input.Name.Trim();
        }

        return applied;
    }

    /// <summary>A new cron and the zone it is read in (both trimmed; their syntax is checked by the scheduler, which owns it).</summary>
    public Result Reschedule(string cron, string timeZone)
    {
        var checkedCron = TextRules.Required(cron, CronMaxLength, "Cron");
        if (checkedCron.IsFailure)
        {
            return checkedCron.Error!;
        }

        var zone = TextRules.Required(timeZone, TimeZoneMaxLength, "job.timezone");
        if (zone.IsFailure)
        {
            return Error.Invalid("scheduler.job.timezone_invalid");
        }

        (Cron, TimeZone) = (checkedCron.Value, zone.Value);
        return Result.Success();
    }

    /// <summary>Lets cron fires through again; false when the job was already enabled.</summary>
    public bool Enable() => SetEnabled(true);

    /// <summary>Stops cron fires until enabled again; false when the job was already disabled.</summary>
    public bool Disable() => SetEnabled(false);

    /// <summary>Holds cron fires, until <paramref name="until"/> when given (it must lie ahead), else until resumed by hand.</summary>
    public Result Pause(DateTimeOffset? until, DateTimeOffset now)
    {
        if (until is { } u && u <= now)
        {
            return Error.Invalid("scheduler.job.resume_in_past");
        }

        (IsPaused, PausedUntil) = (true, until);
        return Result.Success();
    }

    /// <summary>Ends a pause (resuming a job that is not paused changes nothing).</summary>
    public void Resume() => (IsPaused, PausedUntil) = (false, null);

    /// <summary>Whether the resume trigger set for <see cref="PausedUntil"/> is due: paused with that time, reached at <paramref name="now"/> (a second's early fire counts).</summary>
    public bool ResumeIsDue(DateTimeOffset now) => IsPaused && PausedUntil is { } until && until <= now.AddSeconds(1);

    private bool SetEnabled(bool enabled)
    {
        var changed = Enabled != enabled;
        Enabled = enabled;
        return changed;
    }

    private Result Apply(JobInput input)
    {
        var rescheduled = Reschedule(input.Cron, input.TimeZone);
        if (rescheduled.IsFailure)
        {
            return rescheduled;
        }

        Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        Config = input.Config;
        (RetryCount, RetryIntervalSeconds, TimeoutSeconds) = (input.RetryCount, input.RetryIntervalSeconds, input.TimeoutSeconds);
        (Enabled, Concurrency, Misfire, Recoverable) = (input.Enabled, input.Concurrency, input.Misfire, input.Recoverable);
        DepartmentId = input.DepartmentId;
        (AlertOnFailure, AlertOnTimeout) = (input.AlertOnFailure, input.AlertOnTimeout);
        (AlertAfterFailures, AlertDurationSeconds) = (input.AlertAfterFailures, input.AlertDurationSeconds);
        AlertChannels = string.Join(',', (input.AlertChannels ?? []).Distinct());
        AlertRecipients = string.Join(',', (input.AlertRecipients ?? []).Distinct().Select(r => r.ToString(CultureInfo.InvariantCulture)));
        return Result.Success();
    }
}
