using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Portal.Api.Approvals;

/// <summary>
/// An application started by a business system: the definition's code, the form's values, and the business record
/// it is about. A repeat with the same business type and id returns the first application.
/// </summary>
public sealed record StartApplicationRequest(
    string DefinitionCode,
    string Title,
    IReadOnlyDictionary<string, JsonElement>? FormData,
    string? BusinessType = null,
    string? BusinessId = null,
    string? Urgency = null,
    bool Submit = true);

public sealed record TaskActionRequest(string? Comment = null, IReadOnlyDictionary<string, JsonElement>? FormChanges = null);

/// <summary><see cref="Target"/>: <c>toApplicant</c> (default), <c>toPrevious</c> or <c>end</c>, as the definition allows.</summary>
public sealed record RejectRequest(string? Comment = null, string? Target = null);

public sealed record TransferRequest(long ToUserId, string? Comment = null);

public sealed record CommentRequest(string Text);

public sealed record InboxQuery(int? Page, int? Size, string? Sort, string? Q, string? Box, string? DefinitionCode, string? Status, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>
/// <c>/api/v1/workflow</c>: what the caller may apply for, starting an application as a business system, its detail
/// with every record, acting on a task (approve, reject, transfer), comments, withdraw, and the caller's inbox.
/// </summary>
internal static class WorkflowEndpoints
{
    public static void MapWorkflowEndpoints(this RouteGroupBuilder api)
    {
        var workflow = api.MapGroup("/workflow").WithTags("workflow");
        var todo = Ops.Domain.Auth.ApprovalPermissions.Instances.Todo;
        workflow.MapGet("/definitions", async (IApprovalDefinitionService definitions, CancellationToken ct) => TypedResults.Ok(await definitions.ApplicableAsync(ct)))
            .Demands(todo).WithSummary("The published approval types the caller may apply for, with their forms");
        workflow.MapGet("/definitions/{code}", DefinitionAsync).Demands(todo).WithSummary("One published approval type: its form and process");
        workflow.MapPost("/instances", StartAsync).Demands(todo)
            .WithSummary("Start (and by default submit) an application; idempotent on businessType + businessId");
        workflow.MapGet("/instances/{id:long}", InstanceAsync).Demands(todo).WithSummary("An application the caller may see, with its tasks and records");
        workflow.MapPost("/instances/{id:long}/tasks/{number:int}/approve", ApproveAsync).Demands(todo).WithSummary("Approve a task of yours");
        workflow.MapPost("/instances/{id:long}/tasks/{number:int}/reject", RejectAsync).Demands(todo).WithSummary("Reject a task of yours");
        workflow.MapPost("/instances/{id:long}/tasks/{number:int}/transfer", TransferAsync).Demands(todo).WithSummary("Hand a task of yours to someone else");
        workflow.MapPost("/instances/{id:long}/comments", CommentAsync).Demands(todo).WithSummary("Comment on an application the caller takes part in");
        workflow.MapPost("/instances/{id:long}/withdraw", WithdrawAsync).Demands(todo).WithSummary("Withdraw your own application while it is pending");
        workflow.MapGet("/inbox", InboxAsync).Demands(todo).WithSummary("The caller's inbox: box=todo (default), done, mine or cc");
    }

    private static async Task<IResult> DefinitionAsync(string code, IApprovalDefinitionService definitions, HttpContext http)
    {
        var found = await definitions.ApplicableAsync(code, http.RequestAborted);
        return found.IsSuccess ? TypedResults.Ok(found.Value) : ApiProblems.For(http, found.Error!);
    }

    private static async Task<IResult> StartAsync(StartApplicationRequest request, IApprovalService approvals, HttpContext http)
    {
        var application = new ApprovalApplication(request.Title ?? "", request.FormData ?? new Dictionary<string, JsonElement>(),
            ApiQuery.Enum<ApprovalUrgency>(request.Urgency, "urgency") ?? ApprovalUrgency.Normal, request.BusinessType, request.BusinessId);
        var started = await approvals.StartAsync(new StartApproval(request.DefinitionCode ?? "", application, request.Submit,
            http.Request.Headers["Idempotency-Key"].FirstOrDefault()), http.RequestAborted);
        return started.IsFailure ? ApiProblems.For(http, started.Error!) : TypedResults.Created($"/api/v1/workflow/instances/{started.Value}", new { id = started.Value });
    }

    private static async Task<IResult> InstanceAsync(long id, IApprovalInbox inbox, HttpContext http)
    {
        var detail = await inbox.GetAsync(id, http.RequestAborted);
        return detail.IsFailure ? ApiProblems.For(http, detail.Error!) : TypedResults.Ok(detail.Value);
    }

    private static Task<IResult> ApproveAsync(long id, int number, TaskActionRequest? request, IApprovalService approvals, HttpContext http) =>
        ActedAsync(http, id, approvals.ApproveAsync(new TaskRef(id, number), request?.Comment, request?.FormChanges, http.RequestAborted));

    private static Task<IResult> RejectAsync(long id, int number, RejectRequest? request, IApprovalService approvals, HttpContext http) =>
        ActedAsync(http, id, approvals.RejectAsync(new TaskRef(id, number), request?.Comment,
            ApiQuery.Enum<RejectTarget>(request?.Target, "target") ?? RejectTarget.ToApplicant, http.RequestAborted));

    private static Task<IResult> TransferAsync(long id, int number, TransferRequest request, IApprovalService approvals, HttpContext http) =>
        ActedAsync(http, id, approvals.TransferAsync(new TaskRef(id, number), request.ToUserId, request.Comment, http.RequestAborted));

    private static Task<IResult> CommentAsync(long id, CommentRequest request, IApprovalService approvals, HttpContext http) =>
        ActedAsync(http, id, approvals.CommentAsync(id, request.Text, null, http.RequestAborted));

    private static Task<IResult> WithdrawAsync(long id, TaskActionRequest? request, IApprovalService approvals, HttpContext http) =>
        ActedAsync(http, id, approvals.WithdrawAsync(id, request?.Comment, http.RequestAborted));

    private static async Task<IResult> InboxAsync([AsParameters] InboxQuery query, IApprovalInbox inbox, CancellationToken cancellationToken)
    {
        var box = ApiQuery.Enum<InboxBox>(query.Box, "box") ?? InboxBox.Todo;
        var filter = new InboxFilter(query.Q, query.DefinitionCode, ApiQuery.Enum<ApprovalStatus>(query.Status, "status"), null, query.From, query.To);
        var page = box == InboxBox.All
            ? await inbox.AllAsync(filter, new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken)
            : await inbox.ListAsync(box, filter, new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    /// <summary>An action's answer: the application as it now stands (204 when the caller may no longer see it), or why it was refused.</summary>
    private static async Task<IResult> ActedAsync(HttpContext http, long id, Task<Ops.Domain.Common.Result> action)
    {
        var acted = await action;
        if (acted.IsFailure)
        {
            return ApiProblems.For(http, acted.Error!);
        }

        var detail = await http.RequestServices.GetRequiredService<IApprovalInbox>().GetAsync(id, http.RequestAborted);
        return detail.IsSuccess ? TypedResults.Ok(detail.Value) : TypedResults.NoContent();
    }
}
