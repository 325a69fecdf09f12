using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>The expected failures of the approval engine, as stable localizable codes.</summary>
public static class ApprovalErrors
{
    public const string TaskNotFound = "approval.task.not_found";
    public const string NotYours = "approval.task.not_yours";
    public const string AlreadyHandled = "approval.task.already_handled";
    public const string TaskWaiting = "approval.task.waiting";
    public const string AlreadyAssignee = "approval.task.already_assignee";
    public const string ApplicantAssignee = "approval.task.applicant_assignee";
    public const string NotAdded = "approval.task.not_added";
    public const string NotDue = "approval.task.not_due";
    public const string InstanceFinished = "approval.instance.finished";
    public const string NotPending = "approval.instance.not_pending";
    public const string NotDraft = "approval.instance.not_draft";
    public const string NotApplicant = "approval.instance.not_applicant";
    public const string WithdrawTooLate = "approval.withdraw.too_late";
    public const string UrgeTooSoon = "approval.urge.too_soon";
    public const string NoPrevious = "approval.reject.no_previous";
    public const string NoAssignees = "approval.node.no_assignees";
    public const string ChoiceMissing = "approval.assignee.choice_missing";
    public const string NotEditable = "approval.form.not_editable";
    public const string CommentEmpty = "approval.comment.empty";
    public const string CommentTooLong = "approval.comment.too_long";
    public const string ReasonRequired = "approval.reason_required";
    public const string NotPublished = "approval.definition.not_published";
    public const string DefinitionArchived = "approval.definition.archived";
    public const string NoRoute = "approval.process.no_route";
    public const string CcNotFound = "approval.cc.not_found";
    public const string CallbackUrlInvalid = "approval.callback.url_invalid";
    public const string CallbackIncomplete = "approval.callback.incomplete";
    public const string InstanceNotFound = "approval.instance.not_found";
    public const string DefinitionNotFound = "approval.definition.not_found";
    public const string DefinitionInUse = "approval.definition.in_use";
    public const string CodeTaken = "approval.definition.code_taken";
    public const string DelegationPeriod = "approval.delegation.period";
    public const string DelegationSelf = "approval.delegation.self";
    public const string DelegationNotFound = "approval.delegation.not_found";
    public const string UserUnknown = "approval.user.unknown";
    public const string CallbackNotFound = "approval.callback.not_found";
    public const string FileName = "approval.file.name";
    public const string FileSize = "approval.file.size";
    public const string FileNotFound = "approval.file.not_found";
    public const string FileQuota = "approval.file.quota";
    public const string CallbackNotFailed = "approval.callback.not_failed";

    internal static Error Task(string code, int task) => code switch
    {
        TaskNotFound => Error.NotFound(code, task),
        NotYours => Error.Forbidden(code, task),
        _ => Error.Conflict(code, task),
    };
}
