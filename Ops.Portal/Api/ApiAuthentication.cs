using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Auth.Api;

namespace Ops.Portal.Api;

/// <summary>
/// The one authentication scheme of <c>/api/v1</c>: <c>Authorization: Bearer</c> with either a JWT access token from
/// <c>auth/login</c> (its session must be alive) or a personal access token (<c>ops_pat_…</c>, live, owner active).
/// The sign-in cookie is never read here, so a page another site opens cannot call the API as the visitor (no CSRF).
/// </summary>
internal sealed class ApiBearerHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiBearer";
    public const string ScopeClaim = "ops:scope";
    public const string TokenIdClaim = "ops:token_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var credential = header["Bearer ".Length..].Trim();
        var identity = credential.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal)
            ? await FromAccessTokenAsync(credential)
            : await FromJwtAsync(credential);
        return identity is null
            ? AuthenticateResult.Fail("The bearer token is invalid, expired or revoked.")
            : AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<ClaimsIdentity?> FromJwtAsync(string credential)
    {
        var claims = await Context.RequestServices.GetRequiredService<ApiSignInService>().AuthenticateAsync(credential, Context.RequestAborted);
        if (claims is null)
        {
            return null;
        }

        var identity = NewIdentity(claims.UserId, claims.UserName);
        identity.AddClaim(new Claim(SessionService.ClaimType, claims.SessionId));
        if (claims.PendingStep is { } step)
        {
            identity.AddClaim(new Claim(AccountSteps.ClaimType, step));
        }

        return identity;
    }

    private async Task<ClaimsIdentity?> FromAccessTokenAsync(string credential)
    {
        var token = await Context.RequestServices.GetRequiredService<AccessTokenService>()
            .AuthenticateAsync(credential, Context.Connection.RemoteIpAddress?.ToString(), Context.RequestAborted);
        if (token is null)
        {
            return null;
        }

        var identity = NewIdentity(token.UserId, token.UserName);
        identity.AddClaim(new Claim(TokenIdClaim, token.TokenId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaims(token.Scopes.Select(s => new Claim(ScopeClaim, s)));
        return identity;
    }

    private static ClaimsIdentity NewIdentity(long userId, string userName) => new(
        [new Claim(ClaimTypes.NameIdentifier, userId.ToString(CultureInfo.InvariantCulture)), new Claim(ClaimTypes.Name, userName)],
        SchemeName, ClaimTypes.Name, ClaimTypes.Role);

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var hasToken = Request.Headers.Authorization.Count > 0;
        Response.Headers.WWWAuthenticate = hasToken ? "Bearer error=\"invalid_token\"" : "Bearer";
        await ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, hasToken ? "api.token_invalid" : "api.token_required");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "common.forbidden");

    /// <summary>The actor the services see for an API call: the token's user, limited to its scopes for an access token.</summary>
    public static Actor ActorOf(ClaimsPrincipal principal)
    {
        var actor = Common.CurrentUser.FromPrincipal(principal);
        return principal.HasClaim(c => c.Type == TokenIdClaim)
            ? actor with { Scopes = principal.FindAll(ScopeClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal) }
            : actor;
    }
}
