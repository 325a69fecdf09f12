namespace Ops.Domain.Approvals;

/// <summary>A message the service layer sends through the notification center.</summary>
public sealed record ApprovalNotice(long UserId, ApprovalNoticeKind Kind, int? TaskNumber = null);

/// <summary>
/// What an action did, for the service layer to notify, update inboxes and call back: tasks that became
/// someone's to decide, tasks cancelled, copies sent, the notices to send, and the final status if one was reached.
/// </summary>
public sealed class ApprovalOutcome
{
    private readonly List<ApprovalTask> _activated = [];
    private readonly List<ApprovalTask> _cancelled = [];
    private readonly List<ApprovalCc> _copies = [];
    private readonly List<ApprovalNotice> _notices = [];

    internal ApprovalOutcome()
    {
    }

    /// <summary>An action that changed content only: no task, copy or notice.</summary>
    public static ApprovalOutcome None() => new();

    /// <summary>Tasks that became pending for their holder: new, next in a sequence, resumed, transferred or delegated.</summary>
    public IReadOnlyList<ApprovalTask> ActivatedTasks => _activated.Where(t => t.Status == ApprovalTaskStatus.Pending).Distinct().ToList();

    public IReadOnlyList<ApprovalTask> CancelledTasks => _cancelled;

    public IReadOnlyList<ApprovalCc> NewCcs => _copies;

    /// <summary>The final status this action reached (approved, rejected, cancelled, withdrawn), or null.</summary>
    public ApprovalStatus? Finished { get; private set; }

    public bool IsFinal => Finished is not null;

    /// <summary>Everyone to tell: holders of activated tasks, CC recipients, and the applicant or approvers as the action needs.</summary>
    public IReadOnlyList<ApprovalNotice> Notices =>
    [
        .. ActivatedTasks.Select(t => new ApprovalNotice(t.AssigneeId, ApprovalNoticeKind.TaskAssigned, t.Number)),
        .. _copies.Select(c => new ApprovalNotice(c.UserId, ApprovalNoticeKind.CarbonCopy)),
        .. _notices,
    ];

    internal void Activated(ApprovalTask task) => _activated.Add(task);

    internal void Cancelled(ApprovalTask task) => _cancelled.Add(task);

    internal void Copied(ApprovalCc copy) => _copies.Add(copy);

    internal void Notify(long userId, ApprovalNoticeKind kind, int? task = null) => _notices.Add(new ApprovalNotice(userId, kind, task));

    internal void Finish(ApprovalStatus status) => Finished = status;
}
