using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// Raises <see cref="JobAlert"/>s after a run (failure, timeout, N failures in a row, too long) and
/// sends them through the notification center, one template per channel (<c>scheduler.job_alert.&lt;channel&gt;</c>,
/// created on first use and editable like any other template).
/// </summary>
internal sealed class JobAlerter(
    IDbContextFactory<OpsDbContext> factory, IMessageService messages, ITemplateService templates, TimeProvider clock, ILogger<JobAlerter> logger)
{
    public const string TemplatePrefix = "scheduler.job_alert.";

    public async Task EvaluateAsync(Job job, JobLog log, bool finalAttempt, CancellationToken cancellationToken)
    {
        var streak = JobAlertRules.StreakToCount(job, log) is { } limit ? await FailureStreakAsync(job.Id, limit, cancellationToken) : 0;
        foreach (var condition in JobAlertRules.Evaluate(job, log, finalAttempt, streak))
        {
            await RaiseAsync(job, log, condition, cancellationToken);
        }
    }

    /// <summary>How many of the job's latest finished attempts failed in a row (looking at no more than <paramref name="limit"/> + 1).</summary>
    private async Task<int> FailureStreakAsync(long jobId, int limit, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var latest = await db.JobLogs.AsNoTracking()
            .Where(l => l.JobId == jobId && (l.Status == JobRunStatus.Success || l.Status == JobRunStatus.Failed || l.Status == JobRunStatus.Timeout))
            .OrderByDescending(l => l.Id).Take(limit + 1).Select(l => l.Status).ToListAsync(cancellationToken);
        return JobAlertRules.FailureStreak(latest);
    }

    private async Task RaiseAsync(Job job, JobLog log, JobAlertCondition condition, CancellationToken cancellationToken)
    {
        var (type, reason) = (condition.Type, condition.Reason);
        var title = $"[{type}] {job.Name}";
        var alert = new JobAlert(job.Id, log.Id, type, title, reason, job.AlertChannels, clock.GetUtcNow());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.JobAlerts.Add(alert);
        await db.SaveChangesAsync(cancellationToken);

        var variables = new Dictionary<string, string?>
        {
            ["job"] = job.Name,
            ["type"] = type.ToString(),
            ["status"] = log.Status.ToString(),
            ["reason"] = reason,
            ["time"] = (log.EndedAt ?? clock.GetUtcNow()).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
            ["link"] = JobAlertRules.Link(log.Id), // the run that raised it, as the in-app notice leads
        };
        var link = JobAlertRules.Link(log.Id);
        var sent = false;
        foreach (var channel in job.Channels())
        {
            await EnsureTemplateAsync(channel, cancellationToken);
            var result = await messages.SendAsync(new SendRequest(
                TemplatePrefix + channel.ToString().ToLowerInvariant(), job.Recipients(), [], variables, "job_alert",
                alert.Id.ToString(CultureInfo.InvariantCulture), $"job-alert-{alert.Id.ToString(CultureInfo.InvariantCulture)}", NotificationType.Alert)
            {
                Link = link,
                Level = condition.Level,
            }, cancellationToken);
            if (result.IsFailure)
            {
                logger.LogWarning("Alert {AlertId} for job {JobId} not sent on {Channel}: {Error}", alert.Id, job.Id, channel, result.Error);
            }

            sent |= result.IsSuccess;
        }

        if (sent)
        {
            alert.MarkSent();
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private async Task EnsureTemplateAsync(MessageChannel channel, CancellationToken cancellationToken)
    {
        var code = TemplatePrefix + channel.ToString().ToLowerInvariant();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await db.MessageTemplates.IgnoreQueryFilters().AnyAsync(t => t.Code == code, cancellationToken))
        {
            return;
        }

        if (channel == MessageChannel.Webhook)
        {
            const string json = "{\"event\":\"job_alert\",\"job\":\"${job}\",\"type\":\"${type}\",\"status\":\"${status}\",\"reason\":\"${reason}\",\"time\":\"${time}\",\"link\":\"${link}\"}";
            await CreateAsync(code, channel, json, json, cancellationToken);
            return;
        }

        var content = channel == MessageChannel.Email
            ? "<p>任务 <b>${job}</b> 告警（${type}）：${reason}</p><p>状态 ${status}，时间 ${time}。</p>"
            : "任务 ${job} 告警（${type}）：${reason}。状态 ${status}，时间 ${time}。";
        var english = channel == MessageChannel.Email
            ? "<p>Job <b>${job}</b> alert (${type}): ${reason}</p><p>Status ${status} at ${time}.</p>"
            : "Job ${job} alert (${type}): ${reason}. Status ${status} at ${time}.";
        await CreateAsync(code, channel, content, english, cancellationToken);
    }

    private async Task CreateAsync(string code, MessageChannel channel, string content, string english, CancellationToken cancellationToken)
    {
        string[] names = ["job", "type", "status", "reason", "time", "link"];
        await templates.CreateAsync(new TemplateInput(code, $"Job alert ({channel})", channel, "任务告警：${job}", content, "Job alert: ${job}", english,
            names.Select(n => new TemplateParameter(n, null, n)).ToList(), true), cancellationToken);
    }
}
