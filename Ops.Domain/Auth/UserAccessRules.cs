using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>
/// What a caller who is not a superuser may change of a user's access, decided from values alone: nobody but a
/// superuser makes, edits or is a superuser, or changes SSO links; nobody changes their own roles or data scope; enabling
/// or disabling takes its right (approving a registration, for a pending one). The department, scope and role ceilings
/// that need the caller's grants from the database follow in Infrastructure (<c>PrivilegeCeiling</c>).
/// </summary>
public static class UserAccessRules
{
    /// <summary>The user as stored (Id 0 when new).</summary>
    public sealed record Target(
        long Id, bool IsSuperuser, bool IsActive, bool PendingApproval, DataScope? DataScope, string? DataScopeDepartments,
        string? WeComId, string? DingTalkId, string? FeishuId);

    /// <param name="user">The user as stored.</param>
    /// <param name="input">What the caller asked for.</param>
    /// <param name="currentRoleIds">The roles the user has now (empty when new).</param>
    /// <param name="callerId">Who asks.</param>
    /// <param name="callerHas">Whether the caller holds a permission code.</param>
    public static Result Check(Target user, UserInput input, IReadOnlyCollection<long> currentRoleIds, long? callerId, Func<string, bool> callerHas)
    {
        if (input.IsSuperuser || user.IsSuperuser)
        {
            return Error.Forbidden("auth.user.superuser_only");
        }

        if (callerId == user.Id && (RolesChanged(input, currentRoleIds) || ScopeChanged(user, input)))
        {
            return Error.Forbidden("auth.user.own_access");
        }

        if (UserInputRules.ChangesSsoIds(input, user.WeComId, user.DingTalkId, user.FeishuId))
        {
            return Error.Forbidden("auth.user.sso_ids_superuser_only");
        }

        if (user.Id != 0 && user.IsActive != input.IsActive
            && !callerHas(user.PendingApproval ? SystemPermissions.Users.ApproveRegistration : SystemPermissions.Users.Enable))
        {
            return Error.Forbidden("common.forbidden");
        }

        return Result.Success();
    }

    /// <summary>The roles the input gives that the user does not have yet.</summary>
    public static IReadOnlyList<long> AddedRoles(UserInput input, IReadOnlyCollection<long> currentRoleIds) =>
        [.. input.RoleIds.Except(currentRoleIds)];

    public static bool RolesChanged(UserInput input, IReadOnlyCollection<long> currentRoleIds) =>
        input.RoleIds.Except(currentRoleIds).Any() || currentRoleIds.Except(input.RoleIds).Any();

    public static bool ScopeChanged(Target user, UserInput input) =>
        user.DataScope != input.DataScope
        || (input.DataScope == DataScope.Custom && DataScopeGrant.FormatIds(input.CustomDepartmentIds) != user.DataScopeDepartments);
}
