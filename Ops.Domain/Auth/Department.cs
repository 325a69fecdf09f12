using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>
/// A node of the organisation tree. <see cref="Path"/> holds the ids from the root
/// (<c>/1/4/9/</c>) so ancestors and descendants are each one query.
/// </summary>
public sealed class Department : AuditableEntity, ISoftDeletable, IChangeTracked, IVersioned
{
    public const int NameMaxLength = 64;
    public const int CodeMaxLength = 64;
    public const int PathMaxLength = 512;

    private Department()
    {
    }

    public Department(string name, string code, Department? parent = null, int sortOrder = 0)
    {
        Rename(name);
        SetCode(code);
        ParentId = parent?.Id;
        SortOrder = sortOrder;
    }

    public string Name { get; private set; } = "";

    public string Code { get; private set; } = "";

    public long? ParentId { get; private set; }

    public string Path { get; private set; } = "/";

    public long? LeaderUserId { get; private set; }

    public int SortOrder { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public int Version { get; private set; }

    public void Rename(string name)
    {
        name = (name ?? "").Trim();
        if (name.Length is 0 or > NameMaxLength)
        {
            throw new DomainException("auth.department.name_invalid", NameMaxLength);
        }

        Name = name;
    }

    public void SetCode(string code)
    {
        code = (code ?? "").Trim();
        if (code.Length is 0 or > CodeMaxLength)
        {
            throw new DomainException("auth.department.code_invalid", CodeMaxLength);
        }

        Code = code;
    }

    public void SetLeader(long? userId) => LeaderUserId = userId;

    public void SetSortOrder(int sortOrder) => SortOrder = sortOrder;

    /// <summary>Follows a move of an ancestor: the old path prefix becomes the new one.</summary>
    public void ReplacePathPrefix(string oldPrefix, string newPrefix)
    {
        if (!Path.StartsWith(oldPrefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Department {Id} is not below {oldPrefix}.");
        }

        Path = newPrefix + Path[oldPrefix.Length..];
    }

    /// <summary>Computes the materialized path once the id is known (after the first save).</summary>
    public void PlaceUnder(Department? parent)
    {
        if (Id == 0)
        {
            throw new InvalidOperationException("Save the department before placing it in the tree.");
        }

        if (parent is not null && (parent.Id == Id || parent.Path.Contains($"/{Id}/", StringComparison.Ordinal)))
        {
            throw new DomainException("auth.department.cycle", parent.Name);
        }

        ParentId = parent?.Id;
        Path = $"{parent?.Path ?? "/"}{Id}/";
    }
}
