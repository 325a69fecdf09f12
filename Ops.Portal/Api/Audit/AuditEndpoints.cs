using Ops.Domain.Audit;
using Ops.Domain.Auth;

namespace Ops.Portal.Api.Audit;

public sealed record LoginLogQuery(int? Page, int? Size, string? Sort, string? UserName, string? Result, string? Type, DateTimeOffset? From, DateTimeOffset? To);

/// <summary><c>/api/v1/audit</c>: the sign-in history (the operation log joins when the audit module reads it).</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("audit");
        audit.MapGet("/login-logs", LoginLogsAsync).Demands(AuditPermissions.LoginLogs.View).WithSummary("Sign-ins and failed attempts, filtered and paged");
    }

    private static async Task<IResult> LoginLogsAsync([AsParameters] LoginLogQuery query, ILoginLogService logs, CancellationToken cancellationToken)
    {
        var filter = new LoginLogFilter
        {
            UserName = query.UserName,
            Result = ApiQuery.Enum<LoginResult>(query.Result, "result"),
            Type = ApiQuery.Enum<LoginType>(query.Type, "type"),
            From = query.From,
            To = query.To,
        };
        var page = await logs.QueryAsync(filter, new ApiPaging(query.Page, query.Size, query.Sort, null).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }
}
