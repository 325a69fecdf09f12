using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

internal sealed class UserAdministration(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    ICurrentUser currentUser,
    IDataScopeProvider dataScope,
    IServiceProvider services,
    IAuditTrail audit,
    IEventBus events,
    PrivilegeCeiling ceiling,
    TimeProvider clock) : IUserAdministration
{
    public const int MaxBatch = 1000;

    public async Task<Result<int>> SetActiveAsync(IReadOnlyCollection<long> ids, bool active, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Enable, cancellationToken);
        var self = await currentUser.GetActorAsync(cancellationToken);
        if (!active && self.UserId is { } me && ids.Contains(me))
        {
            return Error.Invalid("auth.user.cannot_disable_self");
        }

        return await ForEachAsync(ids, "user.enable", async (db, users) =>
        {
            foreach (var user in users)
            {
                user.IsActive = active;
                user.PendingApproval &= !active;
            }

            await db.SaveChangesAsync(cancellationToken);
            if (!active)
            {
                await SessionRevoker.RevokeAllAsync(db, events, users.Select(u => u.Id).ToList(), clock.GetUtcNow(), cancellationToken);
            }

            // Access tokens are checked against the cached access of their owner: it must change now, both ways.
            await events.PublishAsync(new AccessChanged(users.Select(u => u.Id).ToList()));
        }, cancellationToken);
    }

    public async Task<Result<int>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Delete, cancellationToken);
        var self = await currentUser.GetActorAsync(cancellationToken);
        if (self.UserId is { } me && ids.Contains(me))
        {
            return Error.Invalid("auth.user.cannot_delete_self");
        }

        return await ForEachAsync(ids, "user.delete", async (db, users) =>
        {
            if (users.Any(u => u.IsSuperuser) && !await IsSuperuserAsync(db, self, cancellationToken))
            {
                throw new ForbiddenException(SystemPermissions.Users.Delete);
            }

            db.Users.RemoveRange(users);
            await db.SaveChangesAsync(cancellationToken);
            await SessionRevoker.RevokeAllAsync(db, events, users.Select(u => u.Id).ToList(), clock.GetUtcNow(), cancellationToken);
        }, cancellationToken);
    }

    public async Task<Result<int>> AssignRoleAsync(IReadOnlyCollection<long> ids, long roleId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Update, cancellationToken);
        var caller = await ceiling.CallerAsync(cancellationToken);
        if (!caller.Unlimited && caller.UserId is { } me && ids.Contains(me))
        {
            return Error.Forbidden("auth.user.own_access");
        }

        if (await ceiling.CheckRolesAsync(caller, [roleId], cancellationToken) is { IsFailure: true } beyond)
        {
            return beyond.Error!;
        }

        return await ForEachAsync(ids, "user.assign_role", async (db, users) =>
        {
            if (!await db.Roles.AnyAsync(r => r.Id == roleId, cancellationToken))
            {
                throw new DomainException("auth.role.not_found");
            }

            var userIds = users.Select(u => u.Id).ToList();
            var already = await db.UserRoles.Where(ur => ur.RoleId == roleId && userIds.Contains(ur.UserId)).Select(ur => ur.UserId).ToListAsync(cancellationToken);
            db.UserRoles.AddRange(userIds.Except(already).Select(u => new IdentityUserRole<long> { UserId = u, RoleId = roleId }));
            await db.SaveChangesAsync(cancellationToken);
            await events.PublishAsync(new AccessChanged(userIds));
        }, cancellationToken);
    }

    public async Task<Result<string>> ResetPasswordAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.ResetPassword, cancellationToken);
        var found = await FindInScopeAsync(id, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var password = AdminBootstrapper.GeneratePassword();
        await using var scope = services.CreateScopeAs(await currentUser.GetActorAsync(cancellationToken));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var user = await users.FindByIdAsync(id.ToString(CultureInfo.InvariantCulture));
        user!.MustChangePassword = true;
        var result = user.PasswordHash is null ? await users.AddPasswordAsync(user, password) : await ResetAsync(users, user, password);
        if (!result.Succeeded)
        {
            return IdentityErrors.ToError(result);
        }

        // Whoever held the old password is out: every session of the account ends now.
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await SessionRevoker.RevokeAllAsync(db, events, [id], clock.GetUtcNow(), cancellationToken);
        }

        await Record("user.reset_password", id, cancellationToken);
        return password;
    }

    public async Task<Result> UnlockAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Unlock, cancellationToken);
        var found = await FindInScopeAsync(id, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == id, cancellationToken);
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await db.SaveChangesAsync(cancellationToken);
        await Record("user.unlock", id, cancellationToken);
        return Result.Success();
    }

    public async Task<Result<int>> ApproveAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.ApproveRegistration, cancellationToken);
        return await ForEachAsync(ids, "user.approve", async (db, users) =>
        {
            foreach (var user in users.Where(u => u.PendingApproval))
            {
                user.PendingApproval = false;
                user.IsActive = true;
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }

    private static async Task<IdentityResult> ResetAsync(UserManager<OpsUser> users, OpsUser user, string password)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, token, password);
    }

    /// <summary>Loads the users in the caller's scope and runs the action on them; unknown ids are ignored.</summary>
    private async Task<Result<int>> ForEachAsync(
        IReadOnlyCollection<long> ids, string action, Func<OpsDbContext, List<OpsUser>, Task> apply, CancellationToken cancellationToken)
    {
        if (ids.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("auth.user.batch_size", MaxBatch);
        }

        var scope = await dataScope.GetFilterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.WhereInScope(scope, u => u.DepartmentId, u => u.Id).Where(u => ids.Contains(u.Id)).ToListAsync(cancellationToken);
        if (await ceiling.CheckTargetsAsync(await ceiling.CallerAsync(cancellationToken), users.Select(u => u.Id).ToList(), cancellationToken) is { IsFailure: true } refused)
        {
            return refused.Error!;
        }

        try
        {
            await apply(db, users);
        }
        catch (DomainException ex) when (ex is not ForbiddenException)
        {
            return Error.Invalid(ex.Code, [.. ex.Args]);
        }

        await audit.RecordAsync(new AuditEntry("system", action, "user", string.Join(",", users.Select(u => u.Id)).Truncate(64)), cancellationToken);
        return users.Count;
    }

    private async Task<Result> FindInScopeAsync(long id, CancellationToken cancellationToken)
    {
        var scope = await dataScope.GetFilterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!await db.Users.WhereInScope(scope, u => u.DepartmentId, u => u.Id).AnyAsync(u => u.Id == id, cancellationToken))
        {
            return Error.NotFound("auth.user.not_found");
        }

        return await ceiling.CheckTargetsAsync(await ceiling.CallerAsync(cancellationToken), [id], cancellationToken);
    }

    private static async Task<bool> IsSuperuserAsync(OpsDbContext db, Actor actor, CancellationToken cancellationToken) =>
        actor.IsSystem || (actor.UserId is { } id && await db.Users.AnyAsync(u => u.Id == id && u.IsSuperuser, cancellationToken));

    private Task Record(string action, long id, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("system", action, "user", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
}

internal static class StringExtensions
{
    public static string Truncate(this string value, int max) => value.Length <= max ? value : value[..max];
}
