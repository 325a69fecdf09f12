using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;

namespace Ops.Infrastructure.Auth;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,
    Disabled,
    PendingApproval,
    InvalidCredentials,
    /// <summary>Too many attempts from this address or for this account: wait and try again.</summary>
    Throttled,
}

/// <summary>The answer to a sign-in step; <see cref="SessionId"/> names the session a success started.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, DateTimeOffset? LockedUntil = null, OpsUser? User = null, string? SessionId = null);

/// <summary>
/// Password sign-in by user name or e-mail: throttling and lockout per address and name, the login log, the session
/// behind the cookie, and the login counters. A real and an unknown name cost the same (one password hash each) and
/// answer the same until the password is right: wrong, or locked for this address after repeated failures.
/// </summary>
public sealed class SignInService(
    SignInManager<OpsUser> signInManager,
    UserManager<OpsUser> users,
    SessionService sessions,
    LoginRecorder loginLog,
    MfaService mfa,
    SignInThrottle throttle,
    UnknownUserPassword unknownUser,
    TimeProvider clock)
{
    /// <param name="issueCookie">False for the API: the same checks and session, with no cookie (the caller issues tokens).</param>
    public async Task<SignInAttempt> PasswordSignInAsync(string login, string password, RequestOrigin? origin, bool issueCookie = true)
    {
        login = (login ?? "").Trim();
        var address = origin?.IpAddress;
        if (!throttle.TryAttempt("password", address, login))
        {
            await loginLog.RecordAsync(null, login, LoginType.Password, LoginResult.Failed, "throttled", origin);
            return new SignInAttempt(SignInOutcome.Throttled);
        }

        if (throttle.LockedUntil(address, login) is { } lockedUntil)
        {
            await loginLog.RecordAsync(null, login, LoginType.Password, LoginResult.Failed, "locked_out", origin);
            return new SignInAttempt(SignInOutcome.LockedOut, lockedUntil);
        }

        var user = await FindByLoginAsync(login);
        if (user is null)
        {
            unknownUser.Verify(password);
            await loginLog.RecordAsync(null, login, LoginType.Password, LoginResult.Failed, "unknown_user", origin);
            return Failed(address, login, null);
        }

        // The account's own lock (set by an administrator, or by failed two-factor codes) shows only to someone
        // who knows the password; anyone else sees what an unknown name shows.
        var check = await signInManager.CheckPasswordSignInAsync(user, password, lockoutOnFailure: false);
        var passwordRight = check.Succeeded || (check.IsLockedOut && await users.CheckPasswordAsync(user, password));
        if (!passwordRight)
        {
            await loginLog.RecordAsync(user.Id, login, LoginType.Password, LoginResult.Failed, "invalid_password", origin);
            return Failed(address, login, user);
        }

        if (check.IsLockedOut)
        {
            await loginLog.RecordAsync(user.Id, login, LoginType.Password, LoginResult.Failed, "locked_out", origin);
            return new SignInAttempt(SignInOutcome.LockedOut, await users.GetLockoutEndDateAsync(user), user);
        }

        throttle.Reset(address, login);

        // Only someone who knows the password learns that the account is disabled or pending.
        if (!user.IsActive)
        {
            await loginLog.RecordAsync(user.Id, login, LoginType.Password, LoginResult.Failed, user.PendingApproval ? "pending_approval" : "disabled", origin);
            return new SignInAttempt(user.PendingApproval ? SignInOutcome.PendingApproval : SignInOutcome.Disabled, User: user);
        }

        if (user.TwoFactorEnabled)
        {
            return new SignInAttempt(SignInOutcome.RequiresTwoFactor, User: user);
        }

        var sessionId = await CompleteSignInAsync(user, LoginType.Password, login, origin, issueCookie);
        return new SignInAttempt(SignInOutcome.Succeeded, User: user, SessionId: sessionId);
    }

    /// <summary>The second step for a user who passed the password: an authenticator or recovery code.</summary>
    public async Task<SignInAttempt> VerifyMfaAsync(long userId, string code, bool recovery, RequestOrigin? origin, bool issueCookie = true)
    {
        if (!throttle.TryAttempt(recovery ? "recovery" : "mfa", origin?.IpAddress, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return new SignInAttempt(SignInOutcome.Throttled);
        }

        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (user is null || !user.IsActive || !user.TwoFactorEnabled)
        {
            return new SignInAttempt(SignInOutcome.InvalidCredentials);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await loginLog.RecordAsync(user.Id, user.UserName!, LoginType.Mfa, LoginResult.Failed, "locked_out", origin);
            return new SignInAttempt(SignInOutcome.LockedOut, await users.GetLockoutEndDateAsync(user), user);
        }

        if (!await mfa.VerifyAsync(user, code, recovery))
        {
            await users.AccessFailedAsync(user);
            await loginLog.RecordAsync(user.Id, user.UserName!, LoginType.Mfa, LoginResult.Failed, "mfa_failed", origin);
            return await users.IsLockedOutAsync(user)
                ? new SignInAttempt(SignInOutcome.LockedOut, await users.GetLockoutEndDateAsync(user), user)
                : new SignInAttempt(SignInOutcome.InvalidCredentials, User: user);
        }

        await users.ResetAccessFailedCountAsync(user);
        var sessionId = await CompleteSignInAsync(user, LoginType.Mfa, user.UserName!, origin, issueCookie);
        return new SignInAttempt(SignInOutcome.Succeeded, User: user, SessionId: sessionId);
    }

    /// <summary>
    /// Signs in a verified user: a new session, the cookie (unless the API issues tokens instead), the log line and the counters. Internal: it signs in
    /// whoever it is given, so only the password, two-factor and SSO steps that proved the user may call it.
    /// </summary>
    internal async Task<string> CompleteSignInAsync(OpsUser user, LoginType type, string login, RequestOrigin? origin, bool issueCookie = true)
    {
        var sessionId = await sessions.StartAsync(user.Id, origin);
        if (issueCookie)
        {
            Claim[] claims = [new(SessionService.ClaimType, sessionId), new("amr", type == LoginType.Mfa ? "mfa" : type == LoginType.Sso ? "ext" : "pwd")];
            await signInManager.SignInWithClaimsAsync(user, isPersistent: false, claims);
        }

        await loginLog.RecordAsync(user.Id, login, type, LoginResult.Success, null, origin);
        user.PreviousLoginAt = user.LastLoginAt;
        user.LastLoginAt = clock.GetUtcNow();
        user.LastLoginIp = origin?.IpAddress;
        user.LoginCount++;
        await users.UpdateAsync(user);
        return sessionId;
    }

    private SignInAttempt Failed(string? address, string login, OpsUser? user) =>
        throttle.RecordFailure(address, login) is { } until
            ? new SignInAttempt(SignInOutcome.LockedOut, until, user)
            : new SignInAttempt(SignInOutcome.InvalidCredentials, User: user);

    private async Task<OpsUser?> FindByLoginAsync(string login)
    {
        if (login.Length == 0)
        {
            return null;
        }

        var user = await users.FindByNameAsync(login);
        if (user is null && login.Contains('@', StringComparison.Ordinal))
        {
            var normalized = users.NormalizeEmail(login);
            var matches = await users.Users.Where(u => u.NormalizedEmail == normalized).Take(2).ToListAsync();
            user = matches.Count == 1 ? matches[0] : null;
        }

        // A service account never signs in: to the sign-in it does not exist.
        return user is { IsServiceAccount: true } ? null : user;
    }
}
