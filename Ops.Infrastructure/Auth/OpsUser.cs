using Microsoft.AspNetCore.Identity;
using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// The Identity user (table <c>t_user</c> of the seed). It lives in Infrastructure because it derives
/// from Identity's store type; services expose it to the UI as DTOs only.
/// </summary>
public sealed class OpsUser : IdentityUser<long>, IAuditable, ISoftDeletable, IChangeTracked
{
    public const int UserNameMaxLength = UserInputRules.UserNameMaxLength;
    public const int RealNameMaxLength = UserInputRules.RealNameMaxLength;
    public const string AdminUserName = "admin";

    public string? RealName { get; set; }

    public long? DepartmentId { get; set; }

    public bool IsActive { get; set; } = true;

    public bool IsSuperuser { get; set; }

    public bool IsStaff { get; set; }

    /// <summary>A generated or reset password must be replaced before anything else.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>"light" or "dark"; null follows the default.</summary>
    public string? PreferredTheme { get; set; }

    public string? PreferredCulture { get; set; }

    /// <summary>IANA id of the zone times are shown in; null follows the browser.</summary>
    public string? PreferredTimeZone { get; set; }

    /// <summary>The user's own data scope; null leaves it to the roles.</summary>
    public DataScope? DataScope { get; set; }

    /// <summary>Comma-separated department ids when <see cref="DataScope"/> is Custom.</summary>
    public string? DataScopeDepartments { get; set; }

    /// <summary>An administrator requires this user to use an authenticator app.</summary>
    public bool RequireMfa { get; set; }

    /// <summary>Bumped on each avatar upload so browsers refetch it.</summary>
    public int AvatarVersion { get; set; }

    public string? WeComId { get; set; }

    public string? DingTalkId { get; set; }

    public string? FeishuId { get; set; }

    public string? OidcSubject { get; set; }

    /// <summary>Self-registered and not yet approved by an administrator.</summary>
    public bool PendingApproval { get; set; }

    /// <summary>A machine identity (<c>/system/service-accounts</c>): it never signs in; it calls the API with access tokens.</summary>
    public bool IsServiceAccount { get; set; }

    public int LoginCount { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }

    public DateTimeOffset? PreviousLoginAt { get; set; }

    public string? LastLoginIp { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long? CreatedBy { get; private set; }

    public long? UpdatedBy { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public string DisplayName => string.IsNullOrWhiteSpace(RealName) ? UserName ?? "" : RealName;
}

/// <summary>The Identity role (table <c>t_role</c>).</summary>
public sealed class OpsRole : IdentityRole<long>, IAuditable, IChangeTracked
{
    public const string AdministratorsCode = "administrators";

    public OpsRole()
    {
    }

    public OpsRole(string code, string displayName) : base(code)
    {
        DisplayName = displayName;
    }

    public string DisplayName { get; set; } = "";

    public string? Description { get; set; }

    public long? ParentId { get; set; }

    public int SortOrder { get; set; }

    public bool IsActive { get; set; } = true;

    public DataScope? DataScope { get; set; }

    public string? DataScopeDepartments { get; set; }

    /// <summary>Members must use an authenticator app.</summary>
    public bool RequireMfa { get; set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long? CreatedBy { get; private set; }

    public long? UpdatedBy { get; private set; }
}
