using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>Approving, rejecting and what a task's due time does.</summary>
public sealed partial class ApprovalInstance
{
    /// <summary>
    /// Approves a task. <paramref name="formChanges"/> may change fields the node grants edit access to.
    /// Completing the node moves on (through branches and CC nodes) to the next approval node or the end.
    /// </summary>
    public Result<ApprovalOutcome> Approve(
        int task, long by, string? comment, DateTimeOffset now, ApprovalContext context, IReadOnlyDictionary<string, JsonElement>? formChanges = null)
    {
        var held = HeldTask(task, by);
        if (held.IsFailure)
        {
            return held.Error!;
        }

        var text = CheckComment(comment);
        if (text.IsFailure)
        {
            return text.Error!;
        }

        var edit = Edited(formChanges);
        return edit.IsFailure ? edit.Error! : ApproveTask(held.Value, by, ApprovalAction.Approve, text.Value, now, context, edit.Value);
    }

    /// <summary>Rejects a task: the node's other open tasks are cancelled and <paramref name="target"/> says where the application goes.</summary>
    public Result<ApprovalOutcome> Reject(int task, long by, string? comment, RejectTarget target, DateTimeOffset now, ApprovalContext context)
    {
        var held = HeldTask(task, by);
        if (held.IsFailure)
        {
            return held.Error!;
        }

        var text = CheckReason(comment);
        return text.IsFailure ? text.Error! : RejectTask(held.Value, by, ApprovalAction.Reject, text.Value, target, now, context);
    }

    /// <summary>
    /// The timer's call once a task is due: remind its holder, or approve or reject (to the end) it as the
    /// system, as the node says. Reminding again later is allowed; the timer decides how often.
    /// </summary>
    /// <param name="remindEvery">A reminder is not repeated within this time (so two timers at once remind once).</param>
    public Result<ApprovalOutcome> HandleTimeout(int task, DateTimeOffset now, ApprovalContext context, TimeSpan? remindEvery = null)
    {
        if (_tasks.FirstOrDefault(t => t.Number == task) is not { } found)
        {
            return ApprovalErrors.Task(ApprovalErrors.TaskNotFound, task);
        }

        if (found.Status != ApprovalTaskStatus.Pending || Status != ApprovalStatus.Pending)
        {
            return ApprovalErrors.Task(found.IsOpen ? ApprovalErrors.TaskWaiting : ApprovalErrors.AlreadyHandled, task);
        }

        if (found.DueAt is not { } due || due > now)
        {
            return ApprovalErrors.Task(ApprovalErrors.NotDue, task);
        }

        switch (CurrentNode.OnTimeout)
        {
            case TimeoutAction.AutoApprove:
                return ApproveTask(found, null, ApprovalAction.AutoApprove, null, now, context, new Edit(FormData, []));
            case TimeoutAction.AutoReject:
                return RejectTask(found, null, ApprovalAction.AutoReject, null, RejectTarget.End, now, context);
            default:
                if (found.RemindedAt is { } reminded && remindEvery is { } every && reminded + every > now)
                {
                    return ApprovalErrors.Task(ApprovalErrors.NotDue, task);
                }

                var outcome = new ApprovalOutcome();
                Write(ApprovalAction.Remind, null, found.NodeKey, now).For(found);
                found.Remind(now);
                outcome.Notify(found.AssigneeId, ApprovalNoticeKind.DueReminder, found.Number);
                return outcome;
        }
    }

    private Result<ApprovalOutcome> ApproveTask(ApprovalTask task, long? by, ApprovalAction action, string? comment, DateTimeOffset now, ApprovalContext context, Edit edit)
    {
        var rivals = Rivals(task);
        var changes = rivals.ToDictionary(t => t, _ => ApprovalTaskStatus.Cancelled);
        changes[task] = ApprovalTaskStatus.Approved;
        var (follow, next) = Settle(task, Proposed(changes));
        var plan = PlanIf(follow, edit.Data, context);
        if (plan.IsFailure)
        {
            return plan.Error!;
        }

        var outcome = new ApprovalOutcome();
        FormData = edit.Data;
        Write(action, by, task.NodeKey, now).For(task).With(comment, changedFields: edit.Changed);
        task.Decide(ApprovalTaskStatus.Approved, by, comment, now);
        ApproverActed = true;
        CancelOpen(rivals, now, outcome);
        Proceed(follow, next, plan.Value, now, context, outcome);
        return outcome;
    }

    private Result<ApprovalOutcome> RejectTask(ApprovalTask task, long? by, ApprovalAction action, string? comment, RejectTarget target, DateTimeOffset now, ApprovalContext context)
    {
        Plan? back = null;
        if (target == RejectTarget.ToPrevious)
        {
            if (PreviousApprovalNode() is not { } previous)
            {
                return Error.Conflict(ApprovalErrors.NoPrevious, CurrentNode.Name);
            }

            var users = Approvers(previous, FormData, context);
            if (users.IsFailure)
            {
                return users.Error!;
            }

            back = new Plan([], previous, users.Value);
        }

        var outcome = new ApprovalOutcome();
        Write(action, by, task.NodeKey, now).For(task).With(comment, rejectTarget: target);
        task.Decide(ApprovalTaskStatus.Rejected, by, comment, now);
        ApproverActed = true;
        CancelOpen(RoundTasks, now, outcome);
        switch (target)
        {
            case RejectTarget.ToPrevious:
                Apply(back!, now, context, outcome);
                break;
            case RejectTarget.ToApplicant:
                (Status, IsReturned, CurrentNodeKey) = (ApprovalStatus.Draft, true, Graph.Start?.Key);
                outcome.Notify(ApplicantId, ApprovalNoticeKind.Returned);
                break;
            default:
                Finish(ApprovalStatus.Rejected, now, outcome);
                break;
        }

        return outcome;
    }

    /// <summary>The approval node before the current one on the route the form data takes.</summary>
    private ApprovalNode? PreviousApprovalNode()
    {
        var route = Graph.Route(FormData);
        var index = CurrentNodeKey is null ? -1 : route.ToList().IndexOf(CurrentNodeKey);
        return index <= 0 ? null : route.Take(index).Reverse().Select(Graph.Node).OfType<ApprovalNode>().FirstOrDefault();
    }

    /// <summary>The form data with the approver's changes, checked against the node's field access and the form rules.</summary>
    private Result<Edit> Edited(IReadOnlyDictionary<string, JsonElement>? changes)
    {
        if (changes is null || changes.Count == 0)
        {
            return new Edit(FormData, []);
        }

        var node = CurrentNode;
        if (changes.Keys.Order(StringComparer.Ordinal).FirstOrDefault(k => node.AccessOf(k) != FieldAccess.Edit) is { } locked)
        {
            return Error.Forbidden(ApprovalErrors.NotEditable, Form.Field(locked)?.Label ?? locked);
        }

        var merged = FormData.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        foreach (var (key, value) in changes)
        {
            merged[key] = value.Clone();
        }

        var errors = FormRules.Validate(Form, merged);
        return errors.Count > 0 ? errors[0].ToError() : new Edit(merged, changes.Keys.Order(StringComparer.Ordinal).ToList());
    }

    private sealed record Edit(IReadOnlyDictionary<string, JsonElement> Data, IReadOnlyList<string> Changed);
}
