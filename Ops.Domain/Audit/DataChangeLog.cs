using Ops.Domain.Common;

namespace Ops.Domain.Audit;

public enum DataChangeAction
{
    Insert,
    Update,
    Delete,
}

/// <summary>The before/after image of one row change, written in the transaction that made it.</summary>
public sealed class DataChangeLog : Entity
{
    public const int TableNameMaxLength = 128;

    private DataChangeLog()
    {
    }

    public DataChangeLog(
        DateTimeOffset time,
        string tableName,
        string recordId,
        DataChangeAction action,
        string? oldData,
        string? newData,
        string changedFields,
        Actor actor,
        string? traceId)
    {
        Time = time;
        TableName = tableName;
        RecordId = recordId;
        Action = action;
        OldData = oldData;
        NewData = newData;
        ChangedFields = changedFields;
        OperatorId = actor.UserId;
        OperatorName = actor.Name;
        TraceId = traceId;
    }

    public DateTimeOffset Time { get; private set; }

    public string TableName { get; private set; } = "";

    public string RecordId { get; private set; } = "";

    public DataChangeAction Action { get; private set; }

    public string? OldData { get; private set; }

    public string? NewData { get; private set; }

    /// <summary>Comma-separated property names that changed.</summary>
    public string ChangedFields { get; private set; } = "";

    public long? OperatorId { get; private set; }

    public string OperatorName { get; private set; } = "";

    public string? TraceId { get; private set; }

    /// <summary>An insert's id and new image are only known after the row is written.</summary>
    public void CompleteInsert(string recordId, string newData)
    {
        RecordId = recordId;
        NewData = newData;
    }
}
