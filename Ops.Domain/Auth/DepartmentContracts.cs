using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>A department with its children, for trees and pickers.</summary>
public sealed record DepartmentNode(
    long Id,
    string Name,
    string Code,
    long? ParentId,
    long? LeaderUserId,
    string? LeaderName,
    int SortOrder,
    int UserCount,
    int Version,
    IReadOnlyList<DepartmentNode> Children)
{
    public IEnumerable<DepartmentNode> SelfAndDescendants() => Children.SelectMany(c => c.SelfAndDescendants()).Prepend(this);
}

public sealed record DepartmentInput(string Name, string Code, long? ParentId, long? LeaderUserId, int SortOrder);

/// <summary>The organisation tree (seed t_department).</summary>
public interface IDepartmentService
{
    /// <summary>The whole tree, ordered by sort order then name.</summary>
    Task<IReadOnlyList<DepartmentNode>> GetTreeAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(DepartmentInput input, CancellationToken cancellationToken = default);

    /// <summary>Edits and, when the parent changes, moves the department with its subtree.</summary>
    Task<Result> UpdateAsync(long id, DepartmentInput input, int version, CancellationToken cancellationToken = default);

    /// <summary>Deletes an empty department (no sub-departments, no users).</summary>
    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The department and all below it, in one query.</summary>
    Task<IReadOnlyList<long>> GetDescendantIdsAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The departments above it, root first, in one query.</summary>
    Task<IReadOnlyList<long>> GetAncestorIdsAsync(long id, CancellationToken cancellationToken = default);
}
