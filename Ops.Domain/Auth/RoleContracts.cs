using Ops.Domain.Common;

namespace Ops.Domain.Auth;

public sealed record RoleSummary(
    long Id,
    string Code,
    string Name,
    string? Description,
    long? ParentId,
    int SortOrder,
    bool IsActive,
    DataScope? DataScope,
    IReadOnlyCollection<long> CustomDepartmentIds,
    bool RequireMfa,
    int UserCount,
    int PermissionCount,
    string ConcurrencyStamp);

public sealed record RoleInput(
    string Code,
    string Name,
    string? Description,
    long? ParentId,
    int SortOrder,
    bool IsActive,
    DataScope? DataScope,
    IReadOnlyCollection<long> CustomDepartmentIds,
    bool RequireMfa);

/// <summary>Roles (seed t_role) and their permission grants.</summary>
public interface IRoleService
{
    /// <summary>All roles, parents before children, by sort order.</summary>
    Task<IReadOnlyList<RoleSummary>> ListAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(RoleInput input, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, RoleInput input, string concurrencyStamp, CancellationToken cancellationToken = default);

    /// <summary>Deletes a role without sub-roles; its members lose it and its grants go.</summary>
    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlySet<string>> GetGrantsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the role's grants with these codes (unknown or retired codes are refused).</summary>
    Task<Result> SetGrantsAsync(long id, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default);
}
