namespace Ops.Domain.Auth;

public enum PermissionType
{
    Menu,
    Button,
    Api,
}

/// <summary>
/// One entry of the permission catalogue. <see cref="Code"/> is the stable identity stored in the
/// database and named by <c>perm:&lt;code&gt;</c> policies; <see cref="NameKey"/> is localized.
/// </summary>
public sealed record PermissionDefinition(
    string Code,
    string NameKey,
    PermissionType Type,
    string Module,
    string? ParentCode = null,
    string? Path = null,
    string? HttpMethod = null,
    int SortOrder = 0);
