namespace Ops.Domain.Common;

/// <summary>
/// A command that was asked for once: the key a form generated when it opened, the operation it asked for and the id
/// the first call produced. A retry or double click with the same key gets that id back instead of a second record.
/// <see cref="ResultId"/> is null while the first call is still running.
/// </summary>
public sealed class IdempotencyKey : Entity
{
    public const int KeyMaxLength = 64;
    public const int OperationMaxLength = 64;

    private IdempotencyKey()
    {
        Key = "";
        Operation = "";
    }

    public IdempotencyKey(string operation, string key, long? userId, DateTimeOffset createdAt)
    {
        Operation = operation;
        Key = key;
        UserId = userId;
        CreatedAt = createdAt;
    }

    public string Operation { get; private set; }

    public string Key { get; private set; }

    public long? UserId { get; private set; }

    public long? ResultId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public void Complete(long resultId) => ResultId = resultId;
}
