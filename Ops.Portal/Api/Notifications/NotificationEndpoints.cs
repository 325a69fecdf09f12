using Ops.Domain.Auth;
using Ops.Domain.Notifications;

namespace Ops.Portal.Api.Notifications;

/// <summary>
/// A message by template to users, roles, departments or raw addresses, over the template's channels. The
/// <c>Idempotency-Key</c> header (or <see cref="IdempotencyKey"/>) makes a retried request queue nothing more.
/// </summary>
public sealed record SendMessageRequest(
    string TemplateCode,
    IReadOnlyCollection<long>? UserIds = null,
    IReadOnlyCollection<long>? RoleIds = null,
    IReadOnlyCollection<long>? DepartmentIds = null,
    IReadOnlyCollection<string>? Addresses = null,
    IReadOnlyDictionary<string, string?>? Variables = null,
    string? BusinessType = null,
    string? BusinessId = null,
    string? Link = null,
    string? Level = null,
    string? IdempotencyKey = null);

public sealed record NotificationQuery(int? Page, int? Size, string? Sort, bool? Read, string? Type);

public sealed record MarkReadRequest(IReadOnlyCollection<long> Ids);

/// <summary><c>/api/v1/notifications</c>: send by template (the message center's outbox), and the caller's in-app notifications.</summary>
internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var notifications = api.MapGroup("/notifications").WithTags("notifications");
        notifications.MapPost("/send", SendAsync).Demands(NotificationPermissions.Notifications.Send)
            .WithSummary("Queue a message by template; answers 202 with how many deliveries were queued");
        notifications.MapGet("/", ListAsync).ForAnyUser().WithSummary("Your in-app notifications, newest first");
        notifications.MapGet("/unread-count", async (INotificationService service, CancellationToken ct) => TypedResults.Ok(new { unread = await service.UnreadCountAsync(ct) }))
            .ForAnyUser().WithSummary("How many of your notifications are unread");
        notifications.MapPost("/read", async (MarkReadRequest request, INotificationService service, CancellationToken ct) =>
                TypedResults.Ok(new { marked = await service.MarkReadAsync(request.Ids ?? [], ct) }))
            .ForAnyUser().WithSummary("Mark some of your notifications read");
        notifications.MapPost("/read-all", async (INotificationService service, CancellationToken ct) => TypedResults.Ok(new { marked = await service.MarkAllReadAsync(ct) }))
            .ForAnyUser().WithSummary("Mark all your notifications read");
    }

    private static async Task<IResult> SendAsync(SendMessageRequest request, IMessageService messages, HttpContext http)
    {
        var send = new SendRequest(request.TemplateCode ?? "", request.UserIds ?? [], request.Addresses ?? [], request.Variables ?? new Dictionary<string, string?>(),
            request.BusinessType, request.BusinessId, request.IdempotencyKey ?? http.Request.Headers["Idempotency-Key"].FirstOrDefault(),
            NotificationType.System, request.RoleIds, request.DepartmentIds)
        {
            Link = request.Link,
            Level = ApiQuery.Enum<NotificationLevel>(request.Level, "level") ?? NotificationLevel.Info,
        };
        var queued = await messages.SendAsync(send, http.RequestAborted);
        return queued.IsFailure ? ApiProblems.For(http, queued.Error!) : TypedResults.Accepted((string?)null, new { queued = queued.Value });
    }

    private static async Task<IResult> ListAsync([AsParameters] NotificationQuery query, INotificationService service, CancellationToken cancellationToken)
    {
        var page = await service.ListAsync(new NotificationFilter(query.Read, ApiQuery.Enum<NotificationType>(query.Type, "type")),
            new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }
}
