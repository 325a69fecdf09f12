using Ops.Domain.Common;
using Ops.Infrastructure.Auth.Api;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Api;

/// <summary>
/// Runs around every <c>/api/v1</c> handler: makes the token's user the actor the services see, holds the account to
/// a pending password change or authenticator enrolment, checks the endpoint's permission, and turns the services'
/// refusals into problem details.
/// </summary>
internal sealed class ApiCallFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var access = http.GetEndpoint()?.Metadata.GetMetadata<ApiAccess>()
            ?? throw new InvalidOperationException($"API endpoint {http.GetEndpoint()?.DisplayName} declares no ApiAccess.");
        if (http.User.Identity?.IsAuthenticated == true && !access.Anonymous)
        {
            http.RequestServices.GetRequiredService<ActorContext>().Override = ApiBearerHandler.ActorOf(http.User);
            if (http.User.FindFirst(AccountSteps.ClaimType)?.Value is { } step && !access.DuringAccountStep)
            {
                return ApiProblems.For(http, StatusCodes.Status403Forbidden, "api.account_step." + step);
            }

            if (access.AnyOf.Count > 0 && !await HoldsAnyAsync(http.RequestServices.GetRequiredService<IPermissionGuard>(), access.AnyOf, http.RequestAborted))
            {
                return ApiProblems.For(http, StatusCodes.Status403Forbidden, "common.forbidden");
            }
        }

        try
        {
            return await next(context);
        }
        catch (ForbiddenException)
        {
            return ApiProblems.For(http, StatusCodes.Status403Forbidden, "common.forbidden");
        }
        catch (ConcurrencyConflictException conflict)
        {
            return ApiProblems.For(http, StatusCodes.Status412PreconditionFailed, conflict.Code, [.. conflict.Args]);
        }
        catch (DomainException refused)
        {
            return ApiProblems.For(http, StatusCodes.Status400BadRequest, refused.Code, [.. refused.Args]);
        }
    }

    private static async Task<bool> HoldsAnyAsync(IPermissionGuard guard, IReadOnlyList<string> permissions, CancellationToken cancellationToken)
    {
        foreach (var permission in permissions)
        {
            if (await guard.HasAsync(permission, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
