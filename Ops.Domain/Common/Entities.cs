namespace Ops.Domain.Common;

/// <summary>Base of domain entities: a database-generated long id.</summary>
public abstract class Entity
{
    public long Id { get; protected set; }
}

/// <summary>Audit columns, filled by the persistence layer from the current user and clock.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; }

    DateTimeOffset UpdatedAt { get; }

    long? CreatedBy { get; }

    long? UpdatedBy { get; }
}

/// <summary>Rows are never physically deleted by the application; a global filter hides them.</summary>
public interface ISoftDeletable
{
    bool IsDeleted { get; }

    DateTimeOffset? DeletedAt { get; }
}

/// <summary>Opt-in: every insert/update/delete writes a DataChangeLog row in the same transaction.</summary>
public interface IChangeTracked;

/// <summary>Optimistic concurrency: the version increments on each update and guards concurrent edits.</summary>
public interface IVersioned
{
    int Version { get; }
}

/// <summary>Convenience base for entities with the audit columns.</summary>
public abstract class AuditableEntity : Entity, IAuditable
{
    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public long? CreatedBy { get; private set; }

    public long? UpdatedBy { get; private set; }
}
