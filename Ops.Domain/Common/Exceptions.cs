namespace Ops.Domain.Common;

/// <summary>An invariant of the domain was broken; <see cref="Code"/> is a localizable key.</summary>
public class DomainException(string code, params object[] args) : Exception(code)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Args { get; } = args;
}

/// <summary>The caller lacks the permission an operation demands.</summary>
public sealed class ForbiddenException(string permission)
    : DomainException("common.forbidden", permission)
{
    public string Permission { get; } = permission;
}

/// <summary>The row changed since it was read (optimistic concurrency).</summary>
public sealed class ConcurrencyConflictException(string resource)
    : DomainException("common.concurrency_conflict", resource);
