using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

public sealed record MfaStatus(bool Enabled, bool Required, int RecoveryCodesLeft);

public sealed record MfaEnrolment(string SharedKey, string AuthenticatorUri);

/// <summary>
/// Authenticator-app (TOTP) two-factor sign-in for the signed-in user: enrol with a QR code or
/// the key, confirm with a code, ten single-use recovery codes, disable with the password.
/// The public methods act on the caller only (the guard names the user, never a parameter), so
/// no page can enrol, disable or regenerate codes for someone else; the per-user methods the
/// sign-in and claims pipeline need are internal.
/// </summary>
public sealed class MfaService(
    UserManager<OpsUser> users, IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IAuditTrail audit, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "Ops";

    public async Task<MfaStatus> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await StatusOfAsync(await CallerAsync(cancellationToken));

    /// <summary>A fresh key for the caller who has not finished enrolling; the enrolled key is never shown again.</summary>
    public async Task<Result<MfaEnrolment>> BeginAsync(CancellationToken cancellationToken = default) =>
        await BeginAsync(await CallerAsync(cancellationToken));

    /// <summary>Turns the caller's MFA on when the code matches; returns the recovery codes, shown once.</summary>
    public async Task<Result<IReadOnlyList<string>>> ConfirmAsync(string code, CancellationToken cancellationToken = default) =>
        await ConfirmAsync(await CallerAsync(cancellationToken), code);

    public async Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(string password, CancellationToken cancellationToken = default) =>
        await RegenerateRecoveryCodesAsync(await CallerAsync(cancellationToken), password);

    /// <summary>Turns the caller's MFA off after the password is confirmed; refused while an administrator requires it.</summary>
    public async Task<Result> DisableAsync(string password, CancellationToken cancellationToken = default) =>
        await DisableAsync(await CallerAsync(cancellationToken), password);

    internal async Task<MfaStatus> StatusOfAsync(OpsUser user) =>
        new(await users.GetTwoFactorEnabledAsync(user), await IsRequiredAsync(user), await users.CountRecoveryCodesAsync(user));

    /// <summary>Required by the user's own flag or by any of their active roles.</summary>
    internal async Task<bool> IsRequiredAsync(OpsUser user)
    {
        if (user.RequireMfa)
        {
            return true;
        }

        await using var db = await factory.CreateDbContextAsync();
        return await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == user.Id && r.IsActive && r.RequireMfa
            select r.Id).AnyAsync();
    }

    private async Task<Result<MfaEnrolment>> BeginAsync(OpsUser user)
    {
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return Error.Conflict("auth.mfa.already_enabled");
        }

        // A key is made once; opening the page again must not rotate it (that would also end
        // the user's other sessions through the security stamp).
        if (await users.GetAuthenticatorKeyAsync(user) is null)
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        var key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        var label = Uri.EscapeDataString($"{Issuer}:{user.UserName}");
        var uri = $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6";
        return new MfaEnrolment(FormatKey(key), uri);
    }

    private async Task<Result<IReadOnlyList<string>>> ConfirmAsync(OpsUser user, string code)
    {
        // The enrolment code is used up like any other: it cannot sign in afterwards.
        if (!await VerifyAsync(user, code, recovery: false))
        {
            return Error.Invalid("auth.mfa.code_invalid");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await Record("mfa.enable", user);
        return Result<IReadOnlyList<string>>.Success(codes.ToList());
    }

    private async Task<Result<IReadOnlyList<string>>> RegenerateRecoveryCodesAsync(OpsUser user, string password)
    {
        if (await ConfirmPasswordAsync(user, password) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return Error.Conflict("auth.mfa.not_enabled");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        await Record("mfa.recovery_codes", user);
        return Result<IReadOnlyList<string>>.Success(codes.ToList());
    }

    private async Task<Result> DisableAsync(OpsUser user, string password)
    {
        if (await ConfirmPasswordAsync(user, password) is { IsFailure: true } refused)
        {
            return refused;
        }

        if (await IsRequiredAsync(user))
        {
            return Error.Forbidden("auth.mfa.required_by_admin");
        }

        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await Record("mfa.disable", user);
        return Result.Success();
    }

    /// <summary>
    /// Checks a sign-in code: a recovery code (each works once), or an authenticator code that is
    /// newer than the last one accepted, so an observed code cannot be replayed within its window.
    /// Internal: only the sign-in step calls it, for the user its challenge cookie names.
    /// </summary>
    internal async Task<bool> VerifyAsync(OpsUser user, string code, bool recovery)
    {
        if (recovery)
        {
            return (await users.RedeemTwoFactorRecoveryCodeAsync(user, code.Replace(" ", "", StringComparison.Ordinal).Trim())).Succeeded;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        var cleaned = Clean(code);
        if (key is null || cleaned.Length != 6 || TotpCodes.MatchingStep(TotpCodes.FromBase32(key), cleaned, clock.GetUtcNow()) is not { } step)
        {
            return false;
        }

        var last = await users.GetAuthenticationTokenAsync(user, LastStepProvider, LastStepName);
        if (long.TryParse(last, System.Globalization.NumberStyles.Integer, CultureInfo.InvariantCulture, out var used) && step <= used)
        {
            return false;
        }

        await users.SetAuthenticationTokenAsync(user, LastStepProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>The signed-in caller as Identity tracks them, so a page's later refresh of the cookie sees the change.</summary>
    private async Task<OpsUser> CallerAsync(CancellationToken cancellationToken)
    {
        var id = await guard.RequireUserIdAsync(cancellationToken);
        return await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture)) ?? throw new ForbiddenException("authenticated");
    }

    private const string LastStepProvider = "Ops";
    private const string LastStepName = "LastTotpStep";

    /// <summary>A password confirmation counts towards the lockout like a sign-in does.</summary>
    private async Task<Result> ConfirmPasswordAsync(OpsUser user, string password)
    {
        if (await users.IsLockedOutAsync(user))
        {
            return Error.Forbidden("auth.user.locked");
        }

        if (await users.CheckPasswordAsync(user, password))
        {
            await users.ResetAccessFailedCountAsync(user);
            return Result.Success();
        }

        await users.AccessFailedAsync(user);
        return Error.Invalid("account.change_password.wrong_current");
    }

    private static string Clean(string code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal).Trim();

    private static string FormatKey(string key)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return builder.ToString().TrimEnd().ToLowerInvariant();
    }

    private Task Record(string action, OpsUser user) =>
        audit.RecordAsync(new AuditEntry("auth", action, "user", user.Id.ToString(CultureInfo.InvariantCulture)));
}
