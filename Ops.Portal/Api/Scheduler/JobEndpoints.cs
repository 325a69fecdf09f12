using Ops.Domain.Auth;
using System.Globalization;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;

namespace Ops.Portal.Api.Scheduler;

public sealed record JobListQuery(int? Page, int? Size, string? Sort, string? Q, string? Type, bool? Enabled, string? LastStatus);

public sealed record JobLogQuery(int? Page, int? Size, string? Sort, string? Status, string? Trigger, DateTimeOffset? From, DateTimeOffset? To);

public sealed record JobAlertQuery(int? Page, int? Size, string? Sort, string? Status, string? Type);

/// <summary>Parameters of a manual run: a JSON object the job's type reads (<c>${param}</c> in HTTP and shell jobs).</summary>
public sealed record JobExecuteRequest(System.Text.Json.JsonElement? Parameters = null);

/// <summary>A started run: its log id and where to follow it.</summary>
public sealed record JobExecuted(long LogId, string Log);

/// <summary>One run with what it has printed so far.</summary>
public sealed record JobLogResponse(JobLogRow Run, string? Output);

/// <summary><c>/api/v1/jobs</c>: CRUD, run now, stop, the run history with output, and the job's alerts.</summary>
internal static class JobEndpoints
{
    public static void MapJobEndpoints(this RouteGroupBuilder api)
    {
        var jobs = api.MapGroup("/jobs").WithTags("jobs");
        jobs.MapGet("/", ListAsync).Demands(SchedulerPermissions.Jobs.View).WithSummary("Jobs, filtered and paged, in the caller's data scope");
        jobs.MapGet("/{id:long}", GetAsync).Demands(SchedulerPermissions.Jobs.View).WithSummary("One job, with its ETag");
        jobs.MapPost("/", CreateAsync).Demands(SchedulerPermissions.Jobs.Create).WithSummary("Create a job (shell and python jobs also need scheduler.jobs.script)");
        jobs.MapPut("/{id:long}", UpdateAsync).Demands(SchedulerPermissions.Jobs.Update).WithSummary("Replace a job (If-Match: its ETag)");
        jobs.MapDelete("/{id:long}", DeleteAsync).Demands(SchedulerPermissions.Jobs.Delete).WithSummary("Delete a job");
        jobs.MapPost("/{id:long}/execute", ExecuteAsync).Demands(SchedulerPermissions.Jobs.Run)
            .WithSummary("Run now (Idempotency-Key: a repeat returns the first run); answers 202 with the run's log id");
        jobs.MapPost("/{id:long}/stop", StopAsync).Demands(SchedulerPermissions.Jobs.Stop).WithSummary("Stop every running execution of the job");
        jobs.MapGet("/{id:long}/logs", LogsAsync).Demands(SchedulerPermissions.Jobs.View, SchedulerPermissions.Logs.View).WithSummary("The job's runs, newest first");
        jobs.MapGet("/{id:long}/logs/{logId:long}", LogAsync).Demands(SchedulerPermissions.Jobs.View, SchedulerPermissions.Logs.View)
            .WithSummary("One run with its output so far: poll until its status is final");
        jobs.MapGet("/{id:long}/alerts", AlertsAsync).Demands(SchedulerPermissions.Alerts.View).WithSummary("The job's alerts");
    }

    private static async Task<IResult> ListAsync([AsParameters] JobListQuery query, IJobService jobs, CancellationToken cancellationToken)
    {
        var page = await jobs.ListAsync(new JobFilter(ApiQuery.Enum<JobType>(query.Type, "type"), query.Enabled, ApiQuery.Enum<JobRunStatus>(query.LastStatus, "lastStatus")),
            new ApiPaging(query.Page, query.Size, query.Sort, query.Q).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    private static async Task<IResult> GetAsync(long id, IJobService jobs, HttpContext http)
    {
        var job = await jobs.GetAsync(id, http.RequestAborted);
        if (job.IsFailure)
        {
            return ApiProblems.For(http, job.Error!);
        }

        ApiETags.Set(http, job.Value.Version.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Ok(job.Value);
    }

    private static async Task<IResult> CreateAsync(JobInput input, IJobService jobs, HttpContext http)
    {
        var created = await jobs.CreateAsync(input, http.RequestAborted);
        return created.IsFailure ? ApiProblems.For(http, created.Error!) : TypedResults.Created($"/api/v1/jobs/{created.Value}", new { id = created.Value });
    }

    private static Task<IResult> UpdateAsync(long id, JobInput input, IJobService jobs, HttpContext http) =>
        ApiETags.UpdateAsync(http, jobs.GetAsync(id, http.RequestAborted), j => j.Version,
            version => jobs.UpdateAsync(id, input, version, http.RequestAborted), () => GetAsync(id, jobs, http));

    private static async Task<IResult> DeleteAsync(long id, IJobService jobs, HttpContext http)
    {
        var deleted = await jobs.DeleteAsync(id, http.RequestAborted);
        return deleted.IsFailure ? ApiProblems.For(http, deleted.Error!) : TypedResults.NoContent();
    }

    private static async Task<IResult> ExecuteAsync(long id, JobExecuteRequest? request, IJobRunService runs, HttpContext http)
    {
        var parameters = request?.Parameters is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined } p ? p.GetRawText() : null;
        var started = await runs.RunNowAsync(id, parameters, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), http.RequestAborted);
        if (started.IsFailure)
        {
            return ApiProblems.For(http, started.Error!);
        }

        var log = $"/api/v1/jobs/{id}/logs/{started.Value}";
        return TypedResults.Accepted(log, new JobExecuted(started.Value, log));
    }

    private static async Task<IResult> StopAsync(long id, IJobRunService runs, HttpContext http)
    {
        var running = await runs.HistoryAsync(id, new JobLogFilter(JobRunStatus.Running), new PageRequest { PageSize = PageRequest.MaxPageSize }, http.RequestAborted);
        var stopped = 0;
        foreach (var run in running.Items)
        {
            if ((await runs.StopAsync(run.Id, http.RequestAborted)).IsSuccess)
            {
                stopped++;
            }
        }

        return TypedResults.Ok(new { stopped });
    }

    private static async Task<IResult> LogsAsync(long id, [AsParameters] JobLogQuery query, IJobRunService runs, CancellationToken cancellationToken)
    {
        var page = await runs.HistoryAsync(id, new JobLogFilter(ApiQuery.Enum<JobRunStatus>(query.Status, "status"), ApiQuery.Enum<JobTriggerType>(query.Trigger, "trigger"), query.From, query.To),
            new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    private static async Task<IResult> LogAsync(long id, long logId, IJobRunService runs, HttpContext http)
    {
        var run = await runs.GetLogAsync(logId, http.RequestAborted);
        if (run.IsFailure || run.Value.JobId != id)
        {
            return ApiProblems.For(http, StatusCodes.Status404NotFound, "scheduler.run.not_found");
        }

        var output = run.Value.Status == JobRunStatus.Running ? (await runs.OutputAsync(logId, http.RequestAborted)).Match<string?>(o => o, _ => null) : run.Value.Result;
        return TypedResults.Ok(new JobLogResponse(run.Value, output));
    }

    private static async Task<IResult> AlertsAsync(long id, [AsParameters] JobAlertQuery query, IJobAlertService alerts, CancellationToken cancellationToken)
    {
        var page = await alerts.ListAsync(new JobAlertFilter(ApiQuery.Enum<JobAlertStatus>(query.Status, "status"), ApiQuery.Enum<JobAlertType>(query.Type, "type"), id), new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }
}
