using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// The caller changes their own password, from the account page or the API: the rules, a wrong current password
/// counted like a failed sign-in, the pending "must change" cleared, every other session ended, and the audit line.
/// </summary>
public sealed class PasswordChangeService(
    UserManager<OpsUser> users,
    IPermissionGuard guard,
    IProfileService profile,
    IAuditTrail audit,
    IUserAccessStore access)
{
    /// <summary>The error of a caller whose account is locked out: the page signs them out.</summary>
    public const string LockedOutCode = "auth.password.locked_out";

    public async Task<Result> ChangeAsync(string? current, string? next, string? confirmation, string? currentSessionId, CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        if (PasswordRules.CheckChange(current, next, confirmation).Error is { } refused)
        {
            return refused;
        }

        var user = await users.FindByIdAsync(userId.ToString(CultureInfo.InvariantCulture));
        if (user is null)
        {
            return Error.NotFound("auth.user.not_found");
        }

        if (await users.IsLockedOutAsync(user))
        {
            return Error.Forbidden(LockedOutCode);
        }

        var changed = await users.ChangePasswordAsync(user, current!, next!);
        var target = user.Id.ToString(CultureInfo.InvariantCulture);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == "PasswordMismatch"))
            {
                // Guessing the current password here counts like guessing it at sign-in.
                await users.AccessFailedAsync(user);
            }

            await audit.RecordAsync(new AuditEntry("auth", "password.change", "user", target, AuditResult.Failure), cancellationToken);
            return IdentityErrors.ToError(changed);
        }

        user.MustChangePassword = false;
        await users.ResetAccessFailedCountAsync(user);
        await users.UpdateAsync(user);
        access.Invalidate(user.Id);

        // A new password ends every other browser and API sign-in made with the old one.
        await profile.SignOutOtherSessionsAsync(currentSessionId, cancellationToken);
        await audit.RecordAsync(new AuditEntry("auth", "password.change", "user", target), cancellationToken);
        return Result.Success();
    }
}
