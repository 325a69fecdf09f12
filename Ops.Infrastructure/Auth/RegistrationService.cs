using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>Self-registration: off unless an administrator turns it on; new accounts wait for approval.</summary>
public sealed record RegistrationSettings(bool Enabled, long? DepartmentId)
{
    public const string Key = "security.registration";

    public static readonly RegistrationSettings Off = new(false, null);
}

public sealed record Registration(string UserName, string? RealName, string? Email, string? PhoneNumber, string Password);

/// <remarks>
/// The sign-in settings page holds this service for a whole circuit: Identity's manager (and the context under it) is
/// resolved in a short scope per registration, never injected.
/// </remarks>
public sealed class RegistrationService(
    SettingsStore settings,
    IServiceScopeFactory scopes,
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    PrivilegeCeiling ceiling,
    SignInThrottle throttle,
    UnknownUserPassword unknownUser,
    IAuditTrail audit)
{
    /// <summary>Public: the sign-in page asks whether to offer registration.</summary>
    public Task<RegistrationSettings> GetSettingsAsync(CancellationToken cancellationToken = default) =>
        settings.GetAsync(RegistrationSettings.Key, RegistrationSettings.Off, cancellationToken);

    public async Task<Result> SetSettingsAsync(RegistrationSettings value, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Sso.Registration, cancellationToken);
        if (value.Enabled && value.DepartmentId is null)
        {
            return Error.Invalid("auth.registration.department_required");
        }

        // New accounts land in this department, so it must be one the caller may administer.
        if (value.DepartmentId is not null && PrivilegeCeiling.CheckDepartment(await ceiling.CallerAsync(cancellationToken), value.DepartmentId) is { IsFailure: true } outside)
        {
            return outside;
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (value.DepartmentId is { } id && !await db.Departments.AnyAsync(d => d.Id == id, cancellationToken))
            {
                return Error.NotFound("auth.department.not_found");
            }
        }

        await settings.SetAsync(RegistrationSettings.Key, "security", value, cancellationToken: cancellationToken);
        await audit.RecordAsync(new AuditEntry("system", "registration.settings", Detail: value.Enabled ? "on" : "off"), cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Creates a disabled account awaiting approval in the configured department. A name or e-mail that is taken gets
    /// the same answer, after the same work, as a new one (nothing is created): registration does not tell who has an
    /// account. Rate-limited per client address.
    /// </summary>
    public async Task<Result> RegisterAsync(Registration registration, RequestOrigin? origin = null, CancellationToken cancellationToken = default)
    {
        var current = await GetSettingsAsync(cancellationToken);
        if (!current.Enabled)
        {
            return Error.Forbidden("auth.registration.closed");
        }

        if (!throttle.TryRegister(origin?.IpAddress))
        {
            return Error.Invalid("account.login.throttled");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();

        // What is said of the password must not depend on whether the name is taken: check it first.
        foreach (var validator in users.PasswordValidators)
        {
            var verdict = await validator.ValidateAsync(users, new OpsUser { UserName = registration.UserName.Trim() }, registration.Password);
            if (!verdict.Succeeded)
            {
                return IdentityErrors.ToError(verdict);
            }
        }

        var input = new UserInput(registration.UserName, registration.RealName, registration.Email, registration.PhoneNumber,
            current.DepartmentId, [], null, [], false, false, false, false);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = new OpsUser { LockoutEnabled = true, PendingApproval = true };
        // A visitor: no permissions, no roles; the configured department is the one place allowed.
        var visitor = new Caller(null, false, UserAccess.None, DataScopeFilter.Everything(0));
        var applied = await UserRules.ApplyAsync(db, user, input, visitor, ceiling, [], cancellationToken);
        if (IsTaken(applied.Error))
        {
            return await AnswerAsIfNewAsync(registration, cancellationToken);
        }

        if (applied.IsFailure)
        {
            return applied;
        }

        (user.EmailConfirmed, user.PhoneNumberConfirmed) = (false, false);

        var created = await users.CreateAsync(user, registration.Password);
        if (!created.Succeeded)
        {
            // Two registrations of one new name at once: the loser is answered like everyone else.
            var error = IdentityErrors.ToError(created);
            return IsTaken(error) ? await AnswerAsIfNewAsync(registration, cancellationToken) : error;
        }

        await audit.RecordAsync(new AuditEntry("auth", "user.register", "user", user.Id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return Result.Success();
    }

    private static bool IsTaken(Error? error) => error?.Code is "auth.user.duplicate_name" or "auth.user.duplicate_email";

    private async Task<Result> AnswerAsIfNewAsync(Registration registration, CancellationToken cancellationToken)
    {
        unknownUser.Verify(registration.Password);
        await audit.RecordAsync(new AuditEntry("auth", "user.register_taken", "user", null, AuditResult.Failure, registration.UserName), cancellationToken);
        return Result.Success();
    }
}
