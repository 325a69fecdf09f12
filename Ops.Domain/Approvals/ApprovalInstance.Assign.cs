using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>Handing a task to someone else and adding or removing approvers.</summary>
public sealed partial class ApprovalInstance
{
    /// <summary>
    /// Hands the task over: <paramref name="to"/> decides on their own account (their out-of-office delegate,
    /// if any, takes it for them). The task keeps its place in the node.
    /// </summary>
    public Result<ApprovalOutcome> Transfer(int task, long by, long to, string? comment, DateTimeOffset now, ApprovalContext context) =>
        Reassign(task, by, to, comment, now, ApprovalAction.Transfer, _ =>
        {
            var stand = StandIn(to, now, context);
            return stand is { } delegateId && delegateId != to ? (delegateId, to) : (to, null);
        });

    /// <summary>
    /// Asks <paramref name="to"/> to decide on behalf of the task's owner: records say "on behalf of", and the owner
    /// may still act themself. Giving the task back to the owner ends the delegation.
    /// </summary>
    public Result<ApprovalOutcome> Delegate(int task, long by, long to, string? comment, DateTimeOffset now) =>
        Reassign(task, by, to, comment, now, ApprovalAction.Delegate, held => held.Owner == to ? (to, null) : (to, held.Owner));

    /// <summary>
    /// Adds an approver to the holder's task. <see cref="AddPosition.Before"/>: the added approver decides first
    /// and the holder's task waits, coming back when they approve. <see cref="AddPosition.After"/>: the holder
    /// approves now and the node also waits for the added approver. A rejection by an added approver rejects as
    /// any rejection does. The adder may remove the added approver while their task is open.
    /// </summary>
    public Result<ApprovalOutcome> AddApprover(int task, long by, long user, AddPosition position, string? comment, DateTimeOffset now, ApprovalContext context)
    {
        var held = Checked(task, by, user, comment);
        if (held.IsFailure)
        {
            return held.Error!;
        }

        var adder = held.Value.Task;
        var outcome = new ApprovalOutcome();
        var action = position == AddPosition.Before ? ApprovalAction.AddBefore : ApprovalAction.AddAfter;
        Write(action, by, adder.NodeKey, now).For(adder).With(held.Value.Comment, target: user);
        var added = new ApprovalTask(_tasks.Count + 1, adder.NodeKey, Round, adder.Order, user, ApprovalTaskStatus.Waiting, now);
        added.AddedBy(adder, position, by);
        _tasks.Add(added);
        if (position == AddPosition.Before)
        {
            adder.Suspend();
        }
        else
        {
            CancelOpen(Rivals(adder), now, outcome);
            adder.Decide(ApprovalTaskStatus.Approved, by, held.Value.Comment, now);
        }

        ApproverActed = true;
        Start(added, now, context, outcome);
        return outcome;
    }

    /// <summary>
    /// The adder takes back an approver they added, while the added task is open (with any approvers added under it).
    /// Removing one added before resumes the adder's task; removing one added after may complete the node.
    /// </summary>
    public Result<ApprovalOutcome> RemoveAddedApprover(int task, long by, string? comment, DateTimeOffset now, ApprovalContext context)
    {
        if (_tasks.FirstOrDefault(t => t.Number == task) is not { } added)
        {
            return ApprovalErrors.Task(ApprovalErrors.TaskNotFound, task);
        }

        if (added.AddedFrom is not { } adderNumber)
        {
            return Error.Conflict(ApprovalErrors.NotAdded, task);
        }

        if (!added.IsOpen || Status != ApprovalStatus.Pending)
        {
            return ApprovalErrors.Task(ApprovalErrors.AlreadyHandled, task);
        }

        if (added.AddedById != by)
        {
            return ApprovalErrors.Task(ApprovalErrors.NotYours, task);
        }

        var text = CheckComment(comment);
        if (text.IsFailure)
        {
            return text.Error!;
        }

        var adder = TaskNumbered(adderNumber);
        var removed = Subtree(added).Where(t => t.IsOpen).ToList();
        var (follow, next) = added.AddPosition == AddPosition.Before
            ? (Follow.ResumeParent, adder)
            : Settle(adder, Proposed(removed.ToDictionary(t => t, _ => ApprovalTaskStatus.Cancelled)));
        var plan = PlanIf(follow, FormData, context);
        if (plan.IsFailure)
        {
            return plan.Error!;
        }

        var outcome = new ApprovalOutcome();
        Write(ApprovalAction.RemoveApprover, by, added.NodeKey, now).For(added).With(text.Value, target: added.Owner);
        CancelOpen(removed, now, outcome);
        Proceed(follow, next, plan.Value, now, context, outcome);
        return outcome;
    }

    private Result<ApprovalOutcome> Reassign(
        int task, long by, long to, string? comment, DateTimeOffset now, ApprovalAction action, Func<ApprovalTask, (long Holder, long? OnBehalfOf)> choose)
    {
        var held = Checked(task, by, to, comment);
        if (held.IsFailure)
        {
            return held.Error!;
        }

        var target = held.Value.Task;
        var outcome = new ApprovalOutcome();
        Write(action, by, target.NodeKey, now).For(target).With(held.Value.Comment, target: to);
        var (holder, onBehalfOf) = choose(target);
        target.Reassign(holder, onBehalfOf);
        ApproverActed = true;
        outcome.Activated(target);
        return outcome;
    }

    /// <summary>
    /// The held task and comment, refusing a user who already holds an open task at this node, and the applicant:
    /// an approver handing (transfer, delegate) or adding a task to them would let them decide their own application.
    /// Only a process that names the applicant makes them an approver; the task's owner may always have it back.
    /// </summary>
    private Result<(ApprovalTask Task, string? Comment)> Checked(int task, long by, long user, string? comment)
    {
        var held = HeldTask(task, by);
        if (held.IsFailure)
        {
            return held.Error!;
        }

        if (user <= 0 || Holds(user))
        {
            return ApprovalErrors.Task(ApprovalErrors.AlreadyAssignee, task);
        }

        if (user == ApplicantId && user != held.Value.Owner)
        {
            return Error.Invalid(ApprovalErrors.ApplicantAssignee, task);
        }

        var text = CheckComment(comment);
        return text.IsFailure ? text.Error! : (held.Value, text.Value);
    }
}
