using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;
using Quartz;

namespace Ops.Infrastructure.Approvals;

/// <summary>Section <c>Approvals:Timers</c>: how often due tasks are looked for, and how often a due task is reminded again.</summary>
public sealed class ApprovalTimerOptions
{
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RemindEvery { get; set; } = TimeSpan.FromHours(24);

    public int BatchSize { get; set; } = 200;

    /// <summary>How long a due task whose timeout action failed waits before the timer tries it again.</summary>
    public TimeSpan RetryFailedAfter { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Due tasks whose timeout action failed, held back for a while so they do not fill every batch.</summary>
internal sealed class ApprovalTimerBackoff
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Instance, int Task), DateTimeOffset> _until = new();

    public void Hold((long Instance, int Task) task, DateTimeOffset until) => _until[task] = until;

    /// <summary>The tasks still held at <paramref name="now"/>; the others are forgotten.</summary>
    public IReadOnlySet<(long Instance, int Task)> Waiting(DateTimeOffset now)
    {
        foreach (var (task, until) in _until.Where(p => p.Value <= now).ToList())
        {
            _until.TryRemove(task, out _);
        }

        return _until.Keys.ToHashSet();
    }
}

/// <summary>
/// Applies due times: each pending task past its due time gets the node's timeout action (remind, approve
/// or reject as the system) through the same store as a user's action, so a user acting at that moment
/// and the timer never both count. Remind repeats after <see cref="ApprovalTimerOptions.RemindEvery"/>.
/// </summary>
internal sealed class ApprovalTimers(
    IDbContextFactory<OpsDbContext> factory, ApprovalStore store, ApprovalTimerBackoff backoff, ApprovalTimerOptions options, TimeProvider clock, ILogger<ApprovalTimers> logger)
{
    /// <summary>Handles the tasks due now; returns how many actions counted.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var remindBefore = now - options.RemindEvery;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var waiting = backoff.Waiting(now);
        var due = (await db.ApprovalTasks.AsNoTracking()
                .Where(t => t.Status == ApprovalTaskStatus.Pending && t.DueAt <= now && (t.RemindedAt == null || t.RemindedAt <= remindBefore))
                .OrderBy(t => t.DueAt).Take(options.BatchSize + waiting.Count).Select(t => new { t.InstanceId, t.Number }).ToListAsync(cancellationToken))
            .Where(t => !waiting.Contains((t.InstanceId, t.Number))).Take(options.BatchSize).ToList();
        var handled = 0;
        foreach (var task in due)
        {
            var result = await store.ActAsync(task.InstanceId, null, (i, at, context) => i.HandleTimeout(task.Number, at, context, options.RemindEvery), null, cancellationToken);
            if (result.IsSuccess)
            {
                handled++;
            }
            else if (result.Error!.Code is not (ApprovalErrors.AlreadyHandled or ApprovalErrors.NotDue or ApprovalErrors.TaskWaiting))
            {
                // E.g. auto-approve finds nobody for the next step: try again later, and let the other due tasks through meanwhile.
                backoff.Hold((task.InstanceId, task.Number), now + options.RetryFailedAfter);
                logger.LogWarning("Due task {Task} of approval {InstanceId} not handled, retried after {Delay}: {Error}", task.Number, task.InstanceId, options.RetryFailedAfter, result.Error);
            }
        }

        return handled;
    }
}

/// <summary>The scheduler's hand on the timers: a Quartz job fired every <see cref="ApprovalTimerOptions.Interval"/>.</summary>
[DisallowConcurrentExecution]
internal sealed class ApprovalTimerJob(ApprovalTimers timers) : IJob
{
    public static readonly JobKey Key = new("approval-timers", "ops-approvals");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await timers.RunDueAsync(cancellationToken);
}
