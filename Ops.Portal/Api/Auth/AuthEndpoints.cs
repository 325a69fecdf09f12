using System.Globalization;
using System.Security.Claims;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Auth.Api;
using Ops.Portal.Common;

namespace Ops.Portal.Api.Auth;

public sealed record LoginRequest(string Login, string Password, string? MfaCode = null);

public sealed record RefreshRequest(string RefreshToken);

/// <summary>A bearer pair. <see cref="PendingStep"/> names what the account must do first (<c>change_password</c>, <c>enrol_mfa</c>).</summary>
public sealed record TokenResponse(
    string AccessToken,
    string TokenType,
    int ExpiresIn,
    DateTimeOffset ExpiresAt,
    string RefreshToken,
    DateTimeOffset RefreshTokenExpiresAt,
    string? PendingStep);

/// <summary><c>/api/v1/auth</c>: sign-in with a rotating refresh token, and sign-out.</summary>
internal static class AuthEndpoints
{
    public static void MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth");
        auth.MapPost("/login", LoginAsync).ForAnyone().RequireRateLimiting(ApiRateLimits.SignIn)
            .WithSummary("Sign in with user name or e-mail, password and, for two-factor accounts, the authenticator code");
        auth.MapPost("/refresh", RefreshAsync).ForAnyone().RequireRateLimiting(ApiRateLimits.SignIn)
            .WithSummary("Spend a refresh token for a new pair; a spent one revokes its whole session");
        auth.MapPost("/logout", LogoutAsync).ForAnyUser(duringAccountStep: true)
            .WithSummary("End this sign-in: its refresh token and every access token of it stop working");
    }

    private static async Task<IResult> LoginAsync(LoginRequest request, ApiSignInService signIn, TimeProvider clock, HttpContext http)
    {
        var result = await signIn.LoginAsync(request.Login, request.Password, request.MfaCode, CircuitOrigin.FromHttpContext(http), http.RequestAborted);
        switch (result.Outcome)
        {
            case ApiSignInOutcome.Succeeded:
                return TypedResults.Ok(ToResponse(result.Tokens!, clock));
            case ApiSignInOutcome.MfaRequired:
                return ApiProblems.For(http, StatusCodes.Status401Unauthorized, "api.auth.mfa_required");
            case ApiSignInOutcome.MfaInvalid:
                return ApiProblems.For(http, StatusCodes.Status401Unauthorized, "api.auth.mfa_invalid");
            case ApiSignInOutcome.LockedOut:
                var minutes = result.LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes)) : 1;
                http.Response.Headers.RetryAfter = (minutes * 60).ToString(CultureInfo.InvariantCulture);
                return ApiProblems.For(http, StatusCodes.Status403Forbidden, "account.login.locked", minutes);
            case ApiSignInOutcome.Throttled:
                http.Response.Headers.RetryAfter = "60";
                return ApiProblems.For(http, StatusCodes.Status429TooManyRequests, "account.login.throttled");
            case ApiSignInOutcome.Disabled:
                return ApiProblems.For(http, StatusCodes.Status403Forbidden, "account.login.disabled");
            case ApiSignInOutcome.PendingApproval:
                return ApiProblems.For(http, StatusCodes.Status403Forbidden, "account.login.pending");
            default:
                return ApiProblems.For(http, StatusCodes.Status401Unauthorized, "account.login.invalid");
        }
    }

    private static async Task<IResult> RefreshAsync(RefreshRequest request, ApiSignInService signIn, TimeProvider clock, HttpContext http)
    {
        var result = await signIn.RefreshAsync(request.RefreshToken, http.RequestAborted);
        return result.Outcome == ApiSignInOutcome.Succeeded
            ? TypedResults.Ok(ToResponse(result.Tokens!, clock))
            : ApiProblems.For(http, StatusCodes.Status401Unauthorized, "api.auth.refresh_invalid");
    }

    private static async Task<IResult> LogoutAsync(ClaimsPrincipal user, ApiSignInService signIn, HttpContext http)
    {
        // An access token has no session to end: it is revoked on its own (DELETE /api/v1/profile/tokens/{id}).
        if (user.FindFirstValue(SessionService.ClaimType) is not { } sessionId)
        {
            return ApiProblems.For(http, StatusCodes.Status400BadRequest, "api.auth.logout_token");
        }

        await signIn.LogoutAsync(long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!, CultureInfo.InvariantCulture), sessionId, http.RequestAborted);
        return TypedResults.NoContent();
    }

    private static TokenResponse ToResponse(ApiTokens tokens, TimeProvider clock) => new(
        tokens.AccessToken,
        "Bearer",
        (int)Math.Round((tokens.AccessTokenExpiresAt - clock.GetUtcNow()).TotalSeconds),
        tokens.AccessTokenExpiresAt,
        tokens.RefreshToken,
        tokens.RefreshTokenExpiresAt,
        tokens.PendingStep);
}
