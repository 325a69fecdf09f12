using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler.Execution;

namespace Ops.Infrastructure.Scheduler;

/// <summary>A fire to run: from a cron trigger, run-now (with its pre-recorded log), a retry or a flow.</summary>
public sealed record RunRequest(
    long JobId,
    JobTriggerType Trigger,
    DateTimeOffset? ScheduledAt,
    string? Parameters,
    long? FirstAttemptId = null,
    int Attempt = 1,
    long? TriggeredBy = null,
    long? LogId = null)
{
    /// <summary>Set for a node of a flow: the run is logged against the instance, with the instance's trace id.</summary>
    public FlowRunContext? Flow { get; init; }

    /// <summary>Overrides the job's timeout (a flow node's setting).</summary>
    public int? TimeoutSeconds { get; init; }

    /// <summary>Overrides the job's retry count (a flow node's setting).</summary>
    public int? RetryCount { get; init; }
}

/// <summary>The flow instance a run belongs to; the flow engine retries its nodes itself.</summary>
public sealed record FlowRunContext(long FlowId, long InstanceId, string TraceId);

/// <summary>
/// Runs one attempt of a job: the overlap check, the <see cref="JobLog"/>, the executor under its
/// timeout and stop switch, then the outcome, a retry if attempts are left, and alerts.
/// A run cut short by the host stopping is left <c>running</c> for the next start to mark interrupted.
/// </summary>
internal sealed class JobRunner(
    IDbContextFactory<OpsDbContext> factory,
    IEnumerable<IJobExecutor> executors,
    RunningJobs running,
    SchedulerOptions options,
    IEventBus events,
    JobRetries retries,
    JobAlerter alerter,
    TimeProvider clock,
    ILogger<JobRunner> logger)
{
    public async Task<JobLog?> RunAsync(RunRequest request, CancellationToken hostStopping)
    {
        await using var db = await factory.CreateDbContextAsync(hostStopping);
        var job = await db.Jobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == request.JobId, hostStopping);
        if (job is null)
        {
            logger.LogWarning("Fire for job {JobId}, which no longer exists", request.JobId);
            return null;
        }

        if (request.Trigger is JobTriggerType.Cron or JobTriggerType.Missed && !job.IsScheduled)
        {
            // The table is the truth: a trigger that outlived a disable or pause (a failed sync) does nothing.
            logger.LogWarning("Cron fire for job {JobId}, which is disabled or paused; ignored", job.Id);
            return null;
        }

        var log = await StartAsync(db, job, request, hostStopping);
        if (log?.Status is JobRunStatus.Running or JobRunStatus.Skipped)
        {
            // Announced after the per-job gate is released: open pages never hold up the next fire.
            await events.PublishAsync(new JobRunChanged(job.Id, log.Id, log.Status));
        }

        if (log is null || log.Status != JobRunStatus.Running)
        {
            return log;
        }

        using var stop = new CancellationTokenSource();
        var timeoutSeconds = request.TimeoutSeconds ?? job.TimeoutSeconds;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(hostStopping, stop.Token, timeout.Token);
        var run = running.Register(job.Id, log.Id, stop);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
        WatchForStop(log.Id, run, done.Token);
        ExecutionResult? result = null;
        string? failure = null;
        try
        {
            result = await ExecuteAsync(job, log, request, run, linked.Token);
        }
        catch (Exception ex) when (linked.IsCancellationRequested)
        {
            failure = ex.Message;
        }
        catch (Exception ex)
        {
            failure = ex switch
            {
                // The egress policy's refusal names the rule the administrator set; it is kept as it is.
                HttpRequestException { InnerException: EgressRefusedException refused } => refused.Message,
                HttpRequestException { HttpRequestError: not HttpRequestError.Unknown } http => RunTexts.HttpFailed(http.HttpRequestError),
                HttpRequestException or DbException or TimeoutException or IOException => ex.Message,
                _ => ex.ToString(),
            };
        }
        finally
        {
            await done.CancelAsync();
            running.Remove(log.Id);
        }

        if (hostStopping.IsCancellationRequested && !run.StopRequested && !timeout.IsCancellationRequested)
        {
            logger.LogWarning("Run {LogId} of job {JobId} interrupted by shutdown", log.Id, job.Id);
            return log;
        }

        var status = run.StopRequested ? JobRunStatus.Cancelled
            : timeout.IsCancellationRequested ? JobRunStatus.Timeout
            : result?.Success == true ? JobRunStatus.Success
            : JobRunStatus.Failed;
        var error = status switch
        {
            JobRunStatus.Cancelled => RunTexts.StoppedByUser,
            JobRunStatus.Timeout => RunTexts.TimedOut(timeoutSeconds),
            JobRunStatus.Success => null,
            _ => result?.Error ?? failure,
        };
        log.Finish(status, clock.GetUtcNow(), result?.Result ?? run.Output, error);
        await db.SaveChangesAsync(CancellationToken.None);
        await events.PublishAsync(new JobRunChanged(job.Id, log.Id, status));
        await AfterAsync(job, log, request);
        return log;
    }

    /// <summary>Retry and alerts: best effort, so a failing notification never changes the run's outcome.</summary>
    private async Task AfterAsync(Job job, JobLog log, RunRequest request)
    {
        var retrying = log.Status is JobRunStatus.Failed or JobRunStatus.Timeout && request.Attempt <= (request.RetryCount ?? job.RetryCount);
        try
        {
            if (retrying && request.Flow is null)
            {
                await retries.ScheduleAsync(job, log, request, CancellationToken.None);
            }

            await alerter.EvaluateAsync(job, log, finalAttempt: !retrying, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {LogId} of job {JobId}: retry or alert could not be scheduled", log.Id, job.Id);
        }
    }

    private async Task<ExecutionResult> ExecuteAsync(Job job, JobLog log, RunRequest request, RunningJobs.Run run, CancellationToken cancellationToken)
    {
        var config = JobConfigJson.Parse(job.Type, job.Config);
        if (config.IsFailure)
        {
            return ExecutionResult.Failed(RunTexts.InvalidConfig(config.Error!.Code));
        }

        var executor = executors.FirstOrDefault(e => e.Type == job.Type)
            ?? throw new InvalidOperationException($"No executor for {job.Type}");
        await using var pump = new OutputPump(log.Id, events, clock);
        var execution = new JobExecution(job, config.Value, Parameters(request.Parameters), log.Id, log.TraceId, line =>
        {
            run.Append(line);
            pump.Append(line);
        })
        {
            ProcessStarted = process => RecordProcessAsync(log.Id, process),
        };
        return await executor.ExecuteAsync(execution, cancellationToken);
    }

    /// <summary>
    /// The run's process group goes on its log before the script gets far: if the portal dies, the next start finds
    /// the group by it and ends it before marking the run interrupted or rerunning it (SchedulerStartup).
    /// </summary>
    private async Task RecordProcessAsync(long logId, RunProcess process)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await db.JobLogs.Where(l => l.Id == logId).ExecuteUpdateAsync(u => u.SetProperty(l => l.Process, process.ToString()));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            logger.LogWarning(ex, "Run {LogId}: its process group {Group} could not be recorded; a crash now would leave it running", logId, process.GroupId);
        }
    }

    /// <summary>Records the start, or a skip when the job forbids overlap and a run is going.</summary>
    private async Task<JobLog?> StartAsync(OpsDbContext db, Job job, RunRequest request, CancellationToken cancellationToken)
    {
        using var gate = await running.GateAsync(job.Id, cancellationToken);
        var log = request.LogId is { } id ? await db.JobLogs.SingleOrDefaultAsync(l => l.Id == id, cancellationToken) : null;
        if (request.LogId is not null && (log is null || log.Status != JobRunStatus.Pending))
        {
            return log;
        }

        log ??= db.JobLogs.Add(new JobLog(job.Id, request.Trigger, request.Flow?.TraceId ?? Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N"),
            options.Node, request.ScheduledAt, request.Parameters, request.FirstAttemptId, request.Attempt, request.TriggeredBy)).Entity;
        if (request.Flow is { } flow)
        {
            log.PartOf(flow.FlowId, flow.InstanceId);
        }

        var now = clock.GetUtcNow();
        var busy = job.Concurrency == ConcurrencyPolicy.Forbid
            && await db.JobLogs.AnyAsync(l => l.JobId == job.Id && l.Status == JobRunStatus.Running && l.Id != log.Id, cancellationToken);
        if (busy)
        {
            log.Skip(now, RunTexts.Overlap);
        }
        else
        {
            log.Start(now, options.Node);
        }

        await db.SaveChangesAsync(cancellationToken);
        return log;
    }

    /// <summary>Stop may be asked on another node: it sets a flag on the log, which the run's own node notices.</summary>
    private void WatchForStop(long logId, RunningJobs.Run run, CancellationToken cancellationToken) =>
        _ = Task.Run(async () =>
        {
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(options.StopPollInterval, clock, cancellationToken);
                    await using var db = await factory.CreateDbContextAsync(cancellationToken);
                    if (await db.JobLogs.AnyAsync(l => l.Id == logId && l.CancelRequested, cancellationToken))
                    {
                        run.Stop();
                        return;
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // The run ended.
            }
        }, CancellationToken.None);

    private static Dictionary<string, string> Parameters(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText(), StringComparer.Ordinal);
    }
}
