using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>Checks a <see cref="UserInput"/> against the database and the caller's ceiling (the pure checks are <see cref="UserInputRules"/>) and copies it onto the entity; nothing is saved here.</summary>
internal static class UserRules
{
    /// <param name="db">The context the user is tracked in.</param>
    /// <param name="user">The entity to change (Id 0 when new).</param>
    /// <param name="input">What the caller asked for.</param>
    /// <param name="caller">Who asks; the privilege ceiling applies unless unlimited.</param>
    /// <param name="ceiling">Checks roles against the caller's own grants.</param>
    /// <param name="currentRoleIds">The roles the user has now (empty when new).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    public static async Task<Result> ApplyAsync(
        OpsDbContext db, OpsUser user, UserInput input, Caller caller, PrivilegeCeiling ceiling,
        IReadOnlyCollection<long> currentRoleIds, CancellationToken cancellationToken)
    {
        var checks = UserInputRules.Validate(input);
        if (checks.IsFailure)
        {
            return checks;
        }

        var references = await CheckReferencesAsync(db, user, input, cancellationToken);
        if (references.IsFailure)
        {
            return references;
        }

        var access = await CheckAccessAsync(user, input, caller, ceiling, currentRoleIds, cancellationToken);
        if (access.IsFailure)
        {
            return access;
        }

        var userName = input.UserName.Trim();
        var email = Blank(input.Email);
        var phone = Blank(input.PhoneNumber);
        if (!string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase))
        {
            // An address an administrator enters is trusted; one a user types (profile) is not.
            user.EmailConfirmed = email is not null && caller.UserId != user.Id;
        }

        if (!string.Equals(user.PhoneNumber, phone, StringComparison.Ordinal))
        {
            user.PhoneNumberConfirmed = phone is not null && caller.UserId != user.Id;
        }

        user.UserName = userName;
        user.NormalizedUserName = userName.ToUpperInvariant();
        user.RealName = Blank(input.RealName);
        user.Email = email;
        user.NormalizedEmail = email?.ToUpperInvariant();
        user.PhoneNumber = phone;
        user.DepartmentId = input.DepartmentId;
        user.DataScope = input.DataScope;
        user.DataScopeDepartments = input.DataScope == DataScope.Custom ? DataScopeGrant.FormatIds(input.CustomDepartmentIds) : null;
        if (user.PendingApproval && input.IsActive && user.Id != 0)
        {
            user.PendingApproval = false;
        }

        user.IsActive = input.IsActive;
        user.IsStaff = input.IsStaff;
        user.IsSuperuser = input.IsSuperuser;
        user.RequireMfa = input.RequireMfa;
        user.WeComId = Blank(input.WeComId);
        user.DingTalkId = Blank(input.DingTalkId);
        user.FeishuId = Blank(input.FeishuId);
        return Result.Success();
    }

    private static async Task<Result> CheckReferencesAsync(OpsDbContext db, OpsUser user, UserInput input, CancellationToken cancellationToken)
    {
        var userName = input.UserName.Trim();
        var normalized = userName.ToUpperInvariant();
        if (await db.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalized && u.Id != user.Id, cancellationToken))
        {
            return Error.Conflict("auth.user.duplicate_name", userName).On("field.user_name");
        }

        var email = Blank(input.Email)?.ToUpperInvariant();
        if (email is not null && await db.Users.AnyAsync(u => u.NormalizedEmail == email && u.Id != user.Id, cancellationToken))
        {
            return Error.Conflict("auth.user.duplicate_email", input.Email!.Trim()).On("profile.email");
        }

        foreach (var (kind, id) in new[] { (SsoKind.WeCom, input.WeComId), (SsoKind.DingTalk, input.DingTalkId), (SsoKind.Feishu, input.FeishuId) })
        {
            if (Blank(id) is { } value && await Sso.SsoLinks.ByProviderId(db.Users.IgnoreQueryFilters(), kind, value).AnyAsync(u => u.Id != user.Id, cancellationToken))
            {
                return Error.Conflict("auth.sso.linked_elsewhere");
            }
        }

        if (input.DepartmentId is { } departmentId && !await db.Departments.AnyAsync(d => d.Id == departmentId, cancellationToken))
        {
            return Error.NotFound("auth.department.not_found").On("profile.department");
        }

        var roleIds = input.RoleIds.Distinct().ToList();
        return await db.Roles.CountAsync(r => roleIds.Contains(r.Id), cancellationToken) != roleIds.Count
            ? Error.NotFound("auth.role.not_found").On("field.roles")
            : Result.Success();
    }

    /// <summary>The privilege ceiling: nobody gives more than they hold, or changes their own access.</summary>
    private static async Task<Result> CheckAccessAsync(
        OpsUser user, UserInput input, Caller caller, PrivilegeCeiling ceiling, IReadOnlyCollection<long> currentRoleIds, CancellationToken cancellationToken)
    {
        if (caller.Unlimited)
        {
            return Result.Success();
        }

        var target = new UserAccessRules.Target(user.Id, user.IsSuperuser, user.IsActive, user.PendingApproval, user.DataScope, user.DataScopeDepartments,
            user.WeComId, user.DingTalkId, user.FeishuId);
        var rules = UserAccessRules.Check(target, input, currentRoleIds, caller.UserId, caller.Has);
        if (rules.IsFailure)
        {
            return rules;
        }

        var department = user.Id == 0 || user.DepartmentId != input.DepartmentId ? PrivilegeCeiling.CheckDepartment(caller, input.DepartmentId) : Result.Success();
        if (department.IsFailure)
        {
            return department;
        }

        var scope = UserAccessRules.ScopeChanged(target, input) ? PrivilegeCeiling.CheckScope(caller, input.DataScope) : Result.Success();
        return scope.IsFailure ? scope : await ceiling.CheckRolesAsync(caller, UserAccessRules.AddedRoles(input, currentRoleIds), cancellationToken);
    }

    private static string? Blank(string? value) => UserInputRules.Blank(value);
}

/// <summary>Ends sessions: rows revoked now, open circuits told through the event bus.</summary>
internal static class SessionRevoker
{
    public static async Task RevokeAllAsync(OpsDbContext db, Common.IEventBus events, IReadOnlyCollection<long> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sessions = await db.UserSessions.Where(s => userIds.Contains(s.UserId) && s.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var userId in userIds)
        {
            await events.PublishAsync(new SessionsRevoked(userId, sessions.Where(s => s.UserId == userId).Select(s => s.Id).ToList()));
        }

        await events.PublishAsync(new AccessChanged(userIds));
    }
}
