using Ops.Domain.Auth;

namespace Ops.Portal.Api.Auth;

/// <summary><c>/api/v1/auth/tokens</c>: the caller's personal access tokens. The secret is in the create answer only.</summary>
internal static class AccessTokenEndpoints
{
    public static void MapAccessTokenEndpoints(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/auth/tokens").WithTags("auth");
        tokens.MapGet("/", async (IAccessTokenService service, CancellationToken ct) => TypedResults.Ok(await service.ListMineAsync(ct)))
            .ForAnyUser().WithSummary("Your access tokens, with last use; never their secrets");
        tokens.MapGet("/scopes", async (IAccessTokenService service, CancellationToken ct) => TypedResults.Ok(await service.GrantableScopesAsync(ct)))
            .ForAnyUser().WithSummary("The permission codes a token of yours may carry: those you hold now");
        tokens.MapPost("/", CreateAsync).ForAnyUser().WithSummary("Create an access token; its secret is in this answer and nowhere else");
        tokens.MapDelete("/{id:long}", RevokeAsync).ForAnyUser().WithSummary("Revoke one of your access tokens; it stops at once");
    }

    private static async Task<IResult> CreateAsync(AccessTokenInput input, IAccessTokenService service, HttpContext http)
    {
        var created = await service.CreateMineAsync(input, http.RequestAborted);
        return created.IsFailure ? ApiProblems.For(http, created.Error!) : TypedResults.Created($"/api/v1/auth/tokens/{created.Value.Id}", created.Value);
    }

    private static async Task<IResult> RevokeAsync(long id, IAccessTokenService service, HttpContext http)
    {
        var revoked = await service.RevokeMineAsync(id, http.RequestAborted);
        return revoked.IsFailure ? ApiProblems.For(http, revoked.Error!) : TypedResults.NoContent();
    }
}
