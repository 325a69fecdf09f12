using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>What the applicant, any participant and an administrator do with the application as a whole.</summary>
public sealed partial class ApprovalInstance
{
    /// <summary>
    /// Submits a draft (new or returned): checks the form and the approvers the applicant must choose, then
    /// follows the process from the start (conditions on the form data, CC nodes) to the first approval node,
    /// whose tasks come back as activated, or straight to the end (approved).
    /// </summary>
    public Result<ApprovalOutcome> Submit(long by, DateTimeOffset now, ApprovalContext context)
    {
        if (by != ApplicantId)
        {
            return Error.Forbidden(ApprovalErrors.NotApplicant);
        }

        if (Status != ApprovalStatus.Draft)
        {
            return Error.Conflict(ApprovalErrors.NotDraft);
        }

        if (FormRules.Validate(Form, FormData) is [var invalid, ..])
        {
            return invalid.ToError();
        }

        if (MissingChoice() is { } missing)
        {
            return missing;
        }

        if (Graph.Start is not { } start)
        {
            return Error.Conflict(ApprovalErrors.NoRoute, "");
        }

        var plan = PlanFrom(start.Key, FormData, context);
        if (plan.IsFailure)
        {
            return plan.Error!;
        }

        var outcome = new ApprovalOutcome();
        (Status, IsReturned, ApproverActed, SubmittedAt, CurrentNodeKey) = (ApprovalStatus.Pending, false, false, now, start.Key);
        Write(ApprovalAction.Submit, by, start.Key, now);
        Apply(plan.Value, now, context, outcome);
        return outcome;
    }

    /// <summary>
    /// The applicant takes the application back: while no approver has acted since submission, or while it is
    /// returned to them. Open tasks are cancelled; the status becomes withdrawn (final).
    /// </summary>
    public Result<ApprovalOutcome> Withdraw(long by, string? comment, DateTimeOffset now)
    {
        if (by != ApplicantId)
        {
            return Error.Forbidden(ApprovalErrors.NotApplicant);
        }

        var refused = Status switch
        {
            _ when IsFinal => Error.Conflict(ApprovalErrors.InstanceFinished),
            ApprovalStatus.Draft when !IsReturned => Error.Conflict(ApprovalErrors.NotPending),
            ApprovalStatus.Pending when ApproverActed => Error.Conflict(ApprovalErrors.WithdrawTooLate),
            _ => null,
        };
        var text = CheckComment(comment);
        if ((refused ?? text.Error) is { } error)
        {
            return error;
        }

        var outcome = new ApprovalOutcome();
        Write(ApprovalAction.Withdraw, by, CurrentNodeKey, now).With(text.Value);
        Finish(ApprovalStatus.Withdrawn, now, outcome);
        return outcome;
    }

    /// <summary>The applicant reminds the current approvers, at most once per <see cref="UrgeInterval"/>; the notices name them.</summary>
    public Result<ApprovalOutcome> Urge(long by, DateTimeOffset now)
    {
        if (by != ApplicantId)
        {
            return Error.Forbidden(ApprovalErrors.NotApplicant);
        }

        if (Status != ApprovalStatus.Pending)
        {
            return Error.Conflict(IsFinal ? ApprovalErrors.InstanceFinished : ApprovalErrors.NotPending);
        }

        if (LastUrgedAt is { } last && now - last < UrgeInterval)
        {
            return Error.Conflict(ApprovalErrors.UrgeTooSoon, (int)Math.Ceiling((UrgeInterval - (now - last)).TotalMinutes));
        }

        var outcome = new ApprovalOutcome();
        LastUrgedAt = now;
        Write(ApprovalAction.Urge, by, CurrentNodeKey, now);
        foreach (var task in PendingTasks)
        {
            outcome.Notify(task.AssigneeId, ApprovalNoticeKind.Urged, task.Number);
        }

        return outcome;
    }

    /// <summary>A remark with files on the timeline, from anyone the service lets see the application, at any time after submission.</summary>
    public Result<ApprovalOutcome> Comment(long by, string? text, IReadOnlyList<string>? attachments, DateTimeOffset now)
    {
        if (SubmittedAt is null)
        {
            return Error.Conflict(ApprovalErrors.NotPending);
        }

        var files = (attachments ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).Distinct().ToList();
        var checkedText = CheckComment(text);
        if (checkedText.IsFailure)
        {
            return checkedText.Error!;
        }

        if (checkedText.Value is null && files.Count == 0)
        {
            return Error.Invalid(ApprovalErrors.CommentEmpty);
        }

        if (files.Count > MaxAttachments)
        {
            return Error.Invalid("approval.comment.too_many_files", MaxAttachments);
        }

        Write(ApprovalAction.Comment, by, CurrentNodeKey, now).With(checkedText.Value, attachments: files);
        return new ApprovalOutcome();
    }

    /// <summary>An administrator stops a submitted application (pending or returned): status cancelled (final). The service checks the permission.</summary>
    public Result<ApprovalOutcome> Terminate(long by, string? reason, DateTimeOffset now)
    {
        if (IsFinal || SubmittedAt is null)
        {
            return Error.Conflict(IsFinal ? ApprovalErrors.InstanceFinished : ApprovalErrors.NotPending);
        }

        var text = CheckReason(reason);
        if (text.IsFailure)
        {
            return text.Error!;
        }

        var outcome = new ApprovalOutcome();
        Write(ApprovalAction.Terminate, by, CurrentNodeKey, now).With(text.Value);
        Finish(ApprovalStatus.Cancelled, now, outcome);
        return outcome;
    }

    /// <summary>An approval node on the route whose approvers the applicant must choose, and did not.</summary>
    private Error? MissingChoice()
    {
        foreach (var node in Graph.Route(FormData).Select(Graph.Node).OfType<ApprovalNode>())
        {
            foreach (var rule in node.Assignees.Where(r => r.Kind == AssigneeKind.ChosenByApplicant && Chosen(r, FormData).Count == 0))
            {
                var missing = Error.Invalid(ApprovalErrors.ChoiceMissing, node.Name, Form.Field(rule.Field ?? "")?.Label ?? rule.Field ?? "");
                return rule.Field is { } field ? missing.On(FormError.KeyOf(field)) : missing;
            }
        }

        return null;
    }
}
