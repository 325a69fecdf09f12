using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

/// <summary>Checks a job editor's input (the cron itself is checked by the scheduler, which owns the syntax).</summary>
public static class JobRules
{
    public static Result<JobConfig> Validate(JobInput input)
    {
        var name = TextRules.Required(input.Name, Job.NameMaxLength, "field.name");
        if (name.IsFailure)
        {
            return name.Error!;
        }

        if (TextRules.Optional(input.Description, Job.DescriptionMaxLength, "field.description") is { IsFailure: true } description)
        {
            return description.Error!;
        }

        if (!Enum.IsDefined(input.Type))
        {
            return Error.Invalid("scheduler.job.type_invalid");
        }

        if (input.Config is { Length: > Job.ConfigMaxLength })
        {
            return Error.Invalid("scheduler.job.script_too_long", JobConfigJson.ScriptMaxLength);
        }

        var limits = Limits(input);
        if (limits.IsFailure)
        {
            return limits.Error!;
        }

        return JobConfigJson.Parse(input.Type, input.Config);
    }

    /// <summary>Shell and Python jobs run code on the portal's machine: they need their own permission.</summary>
    public static bool RunsCode(JobType type) => type is JobType.Shell or JobType.Python;

    private static Result Limits(JobInput input)
    {
        if (input.RetryCount is < 0 or > Job.MaxRetries)
        {
            return Error.Invalid("scheduler.job.retry_count_invalid", Job.MaxRetries).On("job.retries");
        }

        if (input.RetryIntervalSeconds is < 0 or > Job.MaxRetryIntervalSeconds)
        {
            return Error.Invalid("scheduler.job.retry_interval_invalid", Job.MaxRetryIntervalSeconds).On("job.retry_interval");
        }

        if (input.TimeoutSeconds is < 1 or > Job.MaxTimeoutSeconds)
        {
            return Error.Invalid("scheduler.job.timeout_invalid", Job.MaxTimeoutSeconds).On("job.timeout");
        }

        if (input.AlertAfterFailures is < 1 or > 100 || input.AlertDurationSeconds is < 1 or > Job.MaxTimeoutSeconds)
        {
            return Error.Invalid("scheduler.job.threshold_invalid");
        }

        if (!Enum.IsDefined(input.Concurrency) || !Enum.IsDefined(input.Misfire))
        {
            return Error.Invalid("scheduler.job.policy_invalid");
        }

        var alerts = input.AlertOnFailure || input.AlertOnTimeout || input.AlertAfterFailures is not null || input.AlertDurationSeconds is not null;
        return alerts && (input.AlertChannels is not { Count: > 0 } || input.AlertRecipients is not { Count: > 0 })
            ? Error.Invalid("scheduler.job.alert_target_required")
            : Result.Success();
    }
}
