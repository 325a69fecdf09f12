namespace Ops.Domain.Approvals;

public enum DefinitionStatus
{
    /// <summary>Never published: no instance can start.</summary>
    Draft,
    Published,

    /// <summary>No new instances; running ones go on with the version they started on.</summary>
    Archived,
}

/// <summary>How the assignees of an approval node decide.</summary>
public enum ApprovalMode
{
    /// <summary>One approver (the first user the assignee rules resolve to).</summary>
    Single,

    /// <summary>All must approve; one rejection rejects.</summary>
    Countersign,

    /// <summary>The first to act decides; the other tasks are cancelled.</summary>
    OrSign,

    /// <summary>One after another, in the order the assignee rules resolve to.</summary>
    Sequential,
}

public enum TimeoutAction
{
    Remind,
    AutoApprove,
    AutoReject,
}

/// <summary>What an approver of a node may do with a form field.</summary>
public enum FieldAccess
{
    Read,
    Edit,
    Hidden,
}

public enum ApprovalStatus
{
    /// <summary>Not submitted yet, or returned to the applicant for resubmission (<see cref="ApprovalInstance.IsReturned"/>).</summary>
    Draft,
    Pending,
    Approved,
    Rejected,

    /// <summary>Terminated by an administrator.</summary>
    Cancelled,

    /// <summary>Taken back by the applicant.</summary>
    Withdrawn,
}

public enum ApprovalTaskStatus
{
    /// <summary>Not the holder's turn yet: a later step of a sequential node, or paused for an approver added before.</summary>
    Waiting,
    Pending,
    Approved,
    Rejected,
    Cancelled,
}

/// <summary>Where a rejection sends the application.</summary>
public enum RejectTarget
{
    /// <summary>Back to the applicant, who may edit and resubmit (status Draft, returned) or withdraw.</summary>
    ToApplicant,

    /// <summary>The previous approval node on the route gets fresh tasks.</summary>
    ToPrevious,

    /// <summary>The application ends rejected.</summary>
    End,
}

public enum AddPosition
{
    /// <summary>The added approver decides first; the adder's task waits and comes back afterwards.</summary>
    Before,

    /// <summary>The adder approves now; the node also waits for the added approver.</summary>
    After,
}

public enum ApprovalUrgency
{
    Normal,
    Urgent,
    Critical,
}

public enum ApprovalAction
{
    Submit,
    Approve,
    Reject,
    Transfer,
    Delegate,
    AddBefore,
    AddAfter,
    RemoveApprover,
    Withdraw,
    Urge,
    Comment,
    Terminate,
    CarbonCopy,
    AutoApprove,
    AutoReject,
    Remind,
}

public enum ApprovalNoticeKind
{
    /// <summary>A task became the user's to decide.</summary>
    TaskAssigned,
    Urged,
    DueReminder,
    CarbonCopy,
    Approved,
    Rejected,

    /// <summary>Rejected back to the applicant for resubmission.</summary>
    Returned,
    Terminated,
}
