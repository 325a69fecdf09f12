using Ops.Domain.Auth;
using System.Globalization;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Api.Scheduler;

public sealed record FlowInstanceQuery(int? Page, int? Size, string? Sort, string? Status, DateTimeOffset? From, DateTimeOffset? To);

/// <summary><c>/api/v1/job-flows</c>: DAG flows (CRUD), run now, their instances with each node's run, and cancel.</summary>
internal static class FlowEndpoints
{
    public static void MapFlowEndpoints(this RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/job-flows").WithTags("job-flows");
        flows.MapGet("/", ListAsync).Demands(SchedulerPermissions.Flows.View).WithSummary("Flows, searched and paged");
        flows.MapGet("/{id:long}", GetAsync).Demands(SchedulerPermissions.Flows.View).WithSummary("One flow with its nodes and edges, and its ETag");
        flows.MapPost("/", CreateAsync).Demands(SchedulerPermissions.Flows.Edit).WithSummary("Create a flow (checked as the editor checks it: no cycle, known jobs)");
        flows.MapPut("/{id:long}", UpdateAsync).Demands(SchedulerPermissions.Flows.Edit).WithSummary("Replace a flow (If-Match: its ETag)");
        flows.MapDelete("/{id:long}", DeleteAsync).Demands(SchedulerPermissions.Flows.Delete).WithSummary("Delete a flow");
        flows.MapPost("/{id:long}/execute", ExecuteAsync).Demands(SchedulerPermissions.Flows.Run)
            .WithSummary("Run now (Idempotency-Key: a repeat returns the first instance); answers 202 with the instance id");
        flows.MapGet("/{id:long}/instances", InstancesAsync).Demands(SchedulerPermissions.Flows.View).WithSummary("The flow's instances, newest first");
        flows.MapGet("/{id:long}/instances/{instanceId:long}", InstanceAsync).Demands(SchedulerPermissions.Flows.View)
            .WithSummary("One instance with the state of every node");
        flows.MapPost("/{id:long}/instances/{instanceId:long}/cancel", CancelAsync).Demands(SchedulerPermissions.Flows.Run)
            .WithSummary("Cancel a running instance: running nodes stop, waiting ones are skipped");
    }

    private static async Task<IResult> ListAsync([AsParameters] ApiPaging paging, IJobFlowService flows, CancellationToken cancellationToken) =>
        TypedResults.Ok(ApiPaging.Of(await flows.ListAsync(paging.ToRequest(), cancellationToken), row => row));

    private static async Task<IResult> GetAsync(long id, IJobFlowService flows, HttpContext http)
    {
        var flow = await flows.GetAsync(id, http.RequestAborted);
        if (flow.IsFailure)
        {
            return ApiProblems.For(http, flow.Error!);
        }

        ApiETags.Set(http, flow.Value.Version.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Ok(flow.Value);
    }

    private static async Task<IResult> CreateAsync(FlowInput input, IJobFlowService flows, HttpContext http)
    {
        var created = await flows.CreateAsync(input, http.RequestAborted);
        return created.IsFailure ? ApiProblems.For(http, created.Error!) : TypedResults.Created($"/api/v1/job-flows/{created.Value}", new { id = created.Value });
    }

    private static Task<IResult> UpdateAsync(long id, FlowInput input, IJobFlowService flows, HttpContext http) =>
        ApiETags.UpdateAsync(http, flows.GetAsync(id, http.RequestAborted), f => f.Version,
            version => flows.UpdateAsync(id, input, version, http.RequestAborted), () => GetAsync(id, flows, http));

    private static async Task<IResult> DeleteAsync(long id, IJobFlowService flows, HttpContext http)
    {
        var deleted = await flows.DeleteAsync(id, http.RequestAborted);
        return deleted.IsFailure ? ApiProblems.For(http, deleted.Error!) : TypedResults.NoContent();
    }

    private static async Task<IResult> ExecuteAsync(long id, IFlowRunService runs, HttpContext http)
    {
        var started = await runs.RunNowAsync(id, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), http.RequestAborted);
        if (started.IsFailure)
        {
            return ApiProblems.For(http, started.Error!);
        }

        var instance = $"/api/v1/job-flows/{id}/instances/{started.Value}";
        return TypedResults.Accepted(instance, new { instanceId = started.Value, instance });
    }

    private static async Task<IResult> InstancesAsync(long id, [AsParameters] FlowInstanceQuery query, IFlowRunService runs, CancellationToken cancellationToken)
    {
        var page = await runs.InstancesAsync(new FlowInstanceFilter(id, ApiQuery.Enum<FlowStatus>(query.Status, "status"), query.From, query.To),
            new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    private static async Task<IResult> InstanceAsync(long id, long instanceId, IFlowRunService runs, HttpContext http)
    {
        var instance = await runs.GetAsync(instanceId, http.RequestAborted);
        return instance.IsFailure || instance.Value.Instance.FlowId != id
            ? ApiProblems.For(http, StatusCodes.Status404NotFound, "scheduler.flow.instance_not_found")
            : TypedResults.Ok(instance.Value);
    }

    private static async Task<IResult> CancelAsync(long id, long instanceId, IFlowRunService runs, HttpContext http)
    {
        var instance = await runs.GetAsync(instanceId, http.RequestAborted);
        if (instance.IsFailure || instance.Value.Instance.FlowId != id)
        {
            return ApiProblems.For(http, StatusCodes.Status404NotFound, "scheduler.flow.instance_not_found");
        }

        var cancelled = await runs.CancelAsync(instanceId, http.RequestAborted);
        return cancelled.IsFailure ? ApiProblems.For(http, cancelled.Error!) : TypedResults.NoContent();
    }
}
