using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>One line of an instance's timeline: who did what, at which node, for whom, with what comment and files.</summary>
public sealed class ApprovalRecord : Entity
{
    private ApprovalRecord()
    {
    }

    internal ApprovalRecord(int number, ApprovalAction action, long? actorId, string? nodeKey, DateTimeOffset at)
    {
        Number = number;
        Action = action;
        ActorId = actorId;
        NodeKey = nodeKey;
        At = at;
    }

    public long InstanceId { get; private set; }

    /// <summary>1, 2, … within the instance: the timeline order.</summary>
    public int Number { get; private set; }

    public ApprovalAction Action { get; private set; }

    /// <summary>Null for the system (CC pass-through, timeouts).</summary>
    public long? ActorId { get; private set; }

    /// <summary>The assignee the actor stood in for.</summary>
    public long? OnBehalfOfId { get; private set; }

    public string? NodeKey { get; private set; }

    public int? TaskNumber { get; private set; }

    /// <summary>The other person of a transfer, delegation, added or removed approver.</summary>
    public long? TargetUserId { get; private set; }

    public RejectTarget? RejectTarget { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>File references (ids from the file store).</summary>
    public IReadOnlyList<string> Attachments { get; private set; } = [];

    /// <summary>Form fields the approver changed with this action.</summary>
    public IReadOnlyList<string> ChangedFields { get; private set; } = [];

    public DateTimeOffset At { get; private set; }

    internal ApprovalRecord For(ApprovalTask task)
    {
        TaskNumber = task.Number;
        OnBehalfOfId = ActorId == task.AssigneeId ? task.OnBehalfOfId : null;
        return this;
    }

    internal ApprovalRecord With(string? comment = null, long? target = null, RejectTarget? rejectTarget = null, IReadOnlyList<string>? attachments = null, IReadOnlyList<string>? changedFields = null)
    {
        Comment = comment ?? Comment;
        TargetUserId = target ?? TargetUserId;
        RejectTarget = rejectTarget ?? RejectTarget;
        Attachments = attachments is null ? Attachments : [.. attachments];
        ChangedFields = changedFields is null ? ChangedFields : [.. changedFields];
        return this;
    }
}

/// <summary>A copy of an application sent to a user by a CC node; read-tracked.</summary>
public sealed class ApprovalCc : Entity
{
    private ApprovalCc()
    {
    }

    internal ApprovalCc(string nodeKey, long userId, DateTimeOffset now)
    {
        NodeKey = nodeKey;
        UserId = userId;
        CreatedAt = now;
    }

    public long InstanceId { get; private set; }

    public string NodeKey { get; private set; } = "";

    public long UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public bool IsRead => ReadAt is not null;

    /// <summary>The first read counts; later reads change nothing.</summary>
    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
