using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// One person's decision at one activation (<see cref="Round"/>) of an approval node. Addressed by
/// <see cref="Number"/> (1, 2, … within the instance), which the engine controls, so nothing depends on
/// database ids. Tasks added by an approver point at the adder's task through <see cref="AddedFrom"/>.
/// </summary>
public sealed class ApprovalTask : Entity, IVersioned
{
    private ApprovalTask()
    {
    }

    internal ApprovalTask(int number, string nodeKey, int round, int order, long assigneeId, ApprovalTaskStatus status, DateTimeOffset now)
    {
        Number = number;
        NodeKey = nodeKey;
        Round = round;
        Order = order;
        AssigneeId = assigneeId;
        Status = status;
        CreatedAt = now;
    }

    public long InstanceId { get; private set; }

    public int Number { get; private set; }

    public string NodeKey { get; private set; } = "";

    /// <summary>The activation of the node this task belongs to (the instance's round counter when it was created).</summary>
    public int Round { get; private set; }

    /// <summary>The position in a sequential node (0, 1, …); added tasks share their adder's.</summary>
    public int Order { get; private set; }

    /// <summary>Who holds the task now.</summary>
    public long AssigneeId { get; private set; }

    /// <summary>The person the holder acts for (out-of-office or manual delegation); null when the holder is the assignee.</summary>
    public long? OnBehalfOfId { get; private set; }

    public ApprovalTaskStatus Status { get; private set; }

    /// <summary>The task whose holder added this one.</summary>
    public int? AddedFrom { get; private set; }

    public AddPosition? AddPosition { get; private set; }

    /// <summary>The user who added this task; only they may remove it.</summary>
    public long? AddedById { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the task first became pending.</summary>
    public DateTimeOffset? ActivatedAt { get; private set; }

    public DateTimeOffset? DueAt { get; private set; }

    public DateTimeOffset? RemindedAt { get; private set; }

    public DateTimeOffset? HandledAt { get; private set; }

    /// <summary>Who decided: the holder, the represented assignee, or null for the system (timeouts).</summary>
    public long? HandledById { get; private set; }

    public string? Comment { get; private set; }

    public int Version { get; private set; }

    public bool IsOpen => Status is ApprovalTaskStatus.Pending or ApprovalTaskStatus.Waiting;

    /// <summary>The holder, or the represented assignee who is back and acts themself.</summary>
    public bool IsHeldBy(long userId) => AssigneeId == userId || OnBehalfOfId == userId;

    /// <summary>The person the task is really for.</summary>
    public long Owner => OnBehalfOfId ?? AssigneeId;

    internal void AddedBy(ApprovalTask adder, AddPosition position, long by) => (AddedFrom, AddPosition, AddedById) = (adder.Number, position, by);

    /// <summary>Becomes pending. The first time, an out-of-office delegate takes it and the due time starts.</summary>
    internal void Activate(DateTimeOffset now, int? dueHours, long? outOfOfficeDelegate)
    {
        if (ActivatedAt is null)
        {
            if (outOfOfficeDelegate is { } delegateId && delegateId != AssigneeId)
            {
                (OnBehalfOfId, AssigneeId) = (AssigneeId, delegateId);
            }

            ActivatedAt = now;
            DueAt = dueHours is { } hours ? now.AddHours(hours) : null;
        }

        Status = ApprovalTaskStatus.Pending;
    }

    /// <summary>Paused while an approver added before decides.</summary>
    internal void Suspend() => Status = ApprovalTaskStatus.Waiting;

    internal void Decide(ApprovalTaskStatus decision, long? by, string? comment, DateTimeOffset now)
    {
        if (Status != ApprovalTaskStatus.Pending || decision is not (ApprovalTaskStatus.Approved or ApprovalTaskStatus.Rejected))
        {
            throw new DomainException(ApprovalErrors.AlreadyHandled, Number);
        }

        (Status, HandledById, Comment, HandledAt) = (decision, by, comment, now);
    }

    internal void Cancel(DateTimeOffset now)
    {
        if (IsOpen)
        {
            (Status, HandledAt) = (ApprovalTaskStatus.Cancelled, now);
        }
    }

    /// <summary>Another person takes the task: on their own account (transfer) or still for the same owner (delegation).</summary>
    internal void Reassign(long to, long? onBehalfOf) => (AssigneeId, OnBehalfOfId) = (to, onBehalfOf);

    internal void Remind(DateTimeOffset now) => RemindedAt = now;
}
