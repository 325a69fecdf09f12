using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth.Api;

public enum ApiSignInOutcome
{
    Succeeded,
    InvalidCredentials,
    /// <summary>The password was right and the account has two-factor: send the authenticator code too.</summary>
    MfaRequired,
    MfaInvalid,
    LockedOut,
    Throttled,
    Disabled,
    PendingApproval,
    /// <summary>The refresh token is unknown, expired, spent (then its whole session is revoked) or its session ended.</summary>
    InvalidRefreshToken,
}

/// <summary>A bearer pair: the short-lived JWT and the refresh token that replaces it once.</summary>
public sealed record ApiTokens(string AccessToken, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt, string? PendingStep);

public sealed record ApiSignIn(ApiSignInOutcome Outcome, ApiTokens? Tokens = null, DateTimeOffset? LockedUntil = null);

/// <summary>
/// Sign-in for API clients: the same checks, throttle, lockout, login log and session as the sign-in page, then a JWT
/// access token and a rotating refresh token instead of a cookie. The session is the refresh family: signing out,
/// disabling the user or reusing a spent refresh token revokes it, and every access token of it stops at once.
/// </summary>
internal sealed class ApiSignInService(
    SignInService signIn,
    SessionService sessions,
    MfaService mfa,
    IDbContextFactory<OpsDbContext> factory,
    IUserAccessStore access,
    ApiTokenIssuer issuer,
    AuthOptions auth,
    TimeProvider clock)
{
    internal const string RefreshTokenPrefix = "opsr_";

    public async Task<ApiSignIn> LoginAsync(string login, string password, string? mfaCode, RequestOrigin? origin, CancellationToken cancellationToken = default)
    {
        var attempt = await signIn.PasswordSignInAsync(login ?? "", password ?? "", origin, issueCookie: false);
        if (attempt.Outcome == SignInOutcome.RequiresTwoFactor)
        {
            if (string.IsNullOrWhiteSpace(mfaCode))
            {
                return new ApiSignIn(ApiSignInOutcome.MfaRequired);
            }

            attempt = await signIn.VerifyMfaAsync(attempt.User!.Id, mfaCode.Trim(), recovery: false, origin, issueCookie: false);
            if (attempt.Outcome == SignInOutcome.InvalidCredentials)
            {
                return new ApiSignIn(ApiSignInOutcome.MfaInvalid);
            }
        }

        if (attempt.Outcome != SignInOutcome.Succeeded)
        {
            return new ApiSignIn(attempt.Outcome switch
            {
                SignInOutcome.LockedOut => ApiSignInOutcome.LockedOut,
                SignInOutcome.Throttled => ApiSignInOutcome.Throttled,
                SignInOutcome.Disabled => ApiSignInOutcome.Disabled,
                SignInOutcome.PendingApproval => ApiSignInOutcome.PendingApproval,
                _ => ApiSignInOutcome.InvalidCredentials,
            }, LockedUntil: attempt.LockedUntil);
        }

        var user = attempt.User!;
        var tokens = await IssueAsync(new AccessTokenClaims(user.Id, user.UserName!, attempt.SessionId!, await PendingStepAsync(user)),
            clock.GetUtcNow() + auth.AbsoluteTimeout, cancellationToken);
        return new ApiSignIn(ApiSignInOutcome.Succeeded, tokens);
    }

    /// <summary>Spends <paramref name="refreshToken"/> for a new pair in the same session; a spent one revokes the session.</summary>
    public async Task<ApiSignIn> RefreshAsync(string refreshToken, CancellationToken cancellationToken = default)
    {
        var invalid = new ApiSignIn(ApiSignInOutcome.InvalidRefreshToken);
        if (string.IsNullOrEmpty(refreshToken) || !refreshToken.StartsWith(RefreshTokenPrefix, StringComparison.Ordinal))
        {
            return invalid;
        }

        var hash = ApiTokenHashing.Hash(refreshToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.ApiRefreshTokens.AsNoTracking().SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (row is null)
        {
            return invalid;
        }

        var now = clock.GetUtcNow();
        var spent = row.UsedAt is null
            && await db.ApiRefreshTokens.Where(t => t.Id == row.Id && t.UsedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;
        if (!spent)
        {
            // Shown twice: one of the two holders is not the client. End the family for both.
            await sessions.RevokeAsync(row.UserId, only: row.SessionId, cancellationToken: cancellationToken);
            return invalid;
        }

        if (row.ExpiresAt <= now || !await sessions.IsAliveAsync(row.SessionId, row.UserId, touch: true, cancellationToken)
            || !(await access.GetAsync(row.UserId, cancellationToken)).IsActive)
        {
            return invalid;
        }

        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == row.UserId, cancellationToken);
        var claims = new AccessTokenClaims(user.Id, user.UserName!, row.SessionId, await PendingStepAsync(user));
        return new ApiSignIn(ApiSignInOutcome.Succeeded, await IssueAsync(claims, row.ExpiresAt, cancellationToken));
    }

    /// <summary>Ends the caller's API session: its refresh token and every access token of it stop working.</summary>
    public async Task LogoutAsync(long userId, string sessionId, CancellationToken cancellationToken = default) =>
        await sessions.RevokeAsync(userId, only: sessionId, cancellationToken: cancellationToken);

    /// <summary>The claims of a valid access token whose session is alive (activity recorded), or null.</summary>
    internal async Task<AccessTokenClaims?> AuthenticateAsync(string accessToken, CancellationToken cancellationToken = default)
    {
        var claims = await issuer.ValidateAsync(accessToken, cancellationToken);
        return claims is not null && await sessions.IsAliveAsync(claims.SessionId, claims.UserId, touch: true, cancellationToken) ? claims : null;
    }

    /// <summary>What the sign-in page would send the user to first; the token allows little else until it is done.</summary>
    private async Task<string?> PendingStepAsync(OpsUser user) =>
        user.MustChangePassword ? AccountSteps.ChangePassword
        : !user.TwoFactorEnabled && await mfa.IsRequiredAsync(user) ? AccountSteps.EnrolMfa
        : null;

    private async Task<ApiTokens> IssueAsync(AccessTokenClaims claims, DateTimeOffset refreshExpiresAt, CancellationToken cancellationToken)
    {
        var refresh = ApiTokenHashing.NewSecret(RefreshTokenPrefix);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            db.ApiRefreshTokens.Add(new ApiRefreshToken(ApiTokenHashing.Hash(refresh), claims.SessionId, claims.UserId, clock.GetUtcNow(), refreshExpiresAt));
            await db.SaveChangesAsync(cancellationToken);
        }

        var (token, expires) = await issuer.IssueAsync(claims, cancellationToken);
        return new ApiTokens(token, expires, refresh, refreshExpiresAt, claims.PendingStep);
    }
}
