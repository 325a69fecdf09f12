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

internal sealed class UserService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    ICurrentUser currentUser,
    IDataScopeProvider dataScope,
    IServiceProvider services,
    IAuditTrail audit,
    IEventBus events,
    AvatarStore avatars,
    PrivilegeCeiling ceiling,
    IdempotentCommands once,
    UserCountCache counts,
    TimeProvider clock) : IUserService
{
    public async Task<Result> SetAvatarAsync(long id, byte[] content, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Update, cancellationToken);
        if (await ceiling.CheckTargetsAsync(await ceiling.CallerAsync(cancellationToken), [id], cancellationToken) is { IsFailure: true } refused)
        {
            return refused;
        }

        var scope = await dataScope.GetFilterAsync(cancellationToken);
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            if (!await db.Users.WhereInScope(scope, u => u.DepartmentId, u => u.Id).AnyAsync(u => u.Id == id, cancellationToken))
            {
                return Error.NotFound("auth.user.not_found");
            }
        }

        var result = await avatars.SaveAsync(id, content, cancellationToken);
        if (result.IsSuccess)
        {
            await audit.RecordAsync(new AuditEntry("system", "user.avatar", "user", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }

        return result;
    }

    private static readonly SortMap<UserListRow> Sorts = new SortMap<UserListRow>(x => x.Id)
        .Add("userName", u => u.UserName)
        .Add("realName", u => u.RealName)
        .Add("email", u => u.Email)
        .Add("departmentName", u => u.DepartmentName)
        .Add("isActive", u => u.IsActive)
        .Add("loginCount", u => u.LoginCount)
        .Add("lastLoginAt", u => u.LastLoginAt)
        .Add("createdAt", u => u.CreatedAt)
        .Default("userName");

    public async Task<PagedResult<UserRow>> QueryAsync(UserFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.View, cancellationToken);
        var scope = await dataScope.GetFilterAsync(cancellationToken);
        page = page.Normalized();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = UserQueries.Filtered(db, filter, page.Search, scope, clock.GetUtcNow());
        var rows = UserQueries.Project(db, users);
        var total = await counts.GetAsync(filter, page.Search, scope, () => users.CountAsync(cancellationToken));
        var result = await rows.ToPagedResultAsync(total, page, Sorts, cancellationToken);
        var roles = await UserQueries.RoleNamesAsync(db, result.Items.Select(r => r.Id).ToList(), cancellationToken);
        return new PagedResult<UserRow>(result.Items.Select(r => r.ToRow(roles)).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<Result<UserDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.View, cancellationToken);
        var scope = await dataScope.GetFilterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().WhereInScope(scope, u => u.DepartmentId, u => u.Id)
            .SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Error.NotFound("auth.user.not_found");
        }

        var row = (await UserQueries.Project(db, db.Users.Where(u => u.Id == id)).SingleAsync(cancellationToken))
            .ToRow(await UserQueries.RoleNamesAsync(db, [id], cancellationToken));
        var roleIds = await db.UserRoles.Where(ur => ur.UserId == id).Select(ur => ur.RoleId).ToListAsync(cancellationToken);
        var input = new UserInput(user.UserName!, user.RealName, user.Email, user.PhoneNumber, user.DepartmentId, roleIds,
            user.DataScope, DataScopeGrant.ParseIds(user.DataScopeDepartments), user.IsActive, user.IsStaff, user.IsSuperuser,
            user.RequireMfa, user.WeComId, user.DingTalkId, user.FeishuId);
        return new UserDetail(row, input, user.ConcurrencyStamp ?? "");
    }

    public async Task<Result<UserCreated>> CreateAsync(UserInput input, string? password, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Create, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        string? generated = null;
        var id = await once.RunOnceAsync("user.create", idempotencyKey, actor.UserId, async () =>
        {
            var created = await CreateOnceAsync(input, password, actor, cancellationToken);
            generated = created.IsSuccess ? created.Value.InitialPassword : null;
            return created.IsSuccess ? created.Value.Id : created.Error!;
        }, cancellationToken);
        return id.IsSuccess ? new UserCreated(id.Value, generated) : id.Error!;
    }

    private async Task<Result<UserCreated>> CreateOnceAsync(UserInput input, string? password, Actor actor, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = new OpsUser { LockoutEnabled = true, EmailConfirmed = true };
        var applied = await UserRules.ApplyAsync(db, user, input, await ceiling.CallerAsync(cancellationToken), ceiling, [], cancellationToken);
        if (applied.IsFailure)
        {
            return applied.Error!;
        }

        var generated = string.IsNullOrEmpty(password);
        password = generated ? AdminBootstrapper.GeneratePassword() : password!;
        // Typed or generated, the admin knows it: the user replaces it at first sign-in either way.
        user.MustChangePassword = true;

        // Identity's manager lives in a short scope of its own: never as long as a circuit.
        await using var scope = services.CreateScopeAs(actor);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var context = scope.ServiceProvider.GetRequiredService<OpsDbContext>();
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            // The password policy speaks about the one field the dialog has for it.
            var error = IdentityErrors.ToError(created);
            return error.Code.StartsWith("auth.password.", StringComparison.Ordinal) ? error.On("user.initial_password") : error;
        }

        context.UserRoles.AddRange(input.RoleIds.Distinct().Select(r => new IdentityUserRole<long> { UserId = user.Id, RoleId = r }));
        await context.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("system", "user.create", "user", user.Id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return new UserCreated(user.Id, generated ? password : null);
    }

    public async Task<Result> UpdateAsync(long id, UserInput input, string concurrencyStamp, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Update, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var scope = await dataScope.GetFilterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.WhereInScope(scope, u => u.DepartmentId, u => u.Id).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return Error.NotFound("auth.user.not_found");
        }

        var wasActive = user.IsActive;
        var (oldRoles, oldSso) = (await db.UserRoles.Where(ur => ur.UserId == id).Select(ur => ur.RoleId).ToListAsync(cancellationToken), SsoSummary(user));
        var applied = await UserRules.ApplyAsync(db, user, input, await ceiling.CallerAsync(cancellationToken), ceiling, oldRoles, cancellationToken);
        if (applied.IsFailure)
        {
            return applied;
        }

        if (id == actor.UserId && !input.IsActive)
        {
            return Error.Invalid("auth.user.cannot_disable_self");
        }

        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        var current = await db.UserRoles.Where(ur => ur.UserId == id).ToListAsync(cancellationToken);
        var wanted = input.RoleIds.ToHashSet();
        db.UserRoles.RemoveRange(current.Where(ur => !wanted.Contains(ur.RoleId)));
        db.UserRoles.AddRange(wanted.Except(current.Select(ur => ur.RoleId)).Select(r => new IdentityUserRole<long> { UserId = id, RoleId = r }));
        var saved = await db.SaveVersionedAsync(
            user, u => u.ConcurrencyStamp, concurrencyStamp, "user", cancellationToken, Error.Conflict("auth.user.duplicate_name", input.UserName));
        if (saved.IsFailure)
        {
            return saved;
        }

        if (wasActive && !user.IsActive)
        {
            await SessionRevoker.RevokeAllAsync(db, events, [id], clock.GetUtcNow(), cancellationToken);
        }

        await events.PublishAsync(new AccessChanged([id]));
        var detail = $"roles {string.Join(",", oldRoles.Order())} -> {string.Join(",", input.RoleIds.Order())}; sso {oldSso} -> {SsoSummary(user)}";
        await audit.RecordAsync(new AuditEntry("system", "user.update", "user", id.ToString(CultureInfo.InvariantCulture), Detail: detail), cancellationToken);
        return Result.Success();
    }

    private static string SsoSummary(OpsUser user) => $"wecom={user.WeComId},dingtalk={user.DingTalkId},feishu={user.FeishuId}";
}
