using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// The task tree of the current round. Top tasks (not added by anyone) are the node's assignees; an added
/// task hangs under its adder's. A task counts as approved when it is approved and every approver added
/// after it counts as approved too. Decisions are evaluated on a proposed state before anything changes.
/// </summary>
public sealed partial class ApprovalInstance
{
    /// <summary>The open, active task the user holds, or why they cannot act on it.</summary>
    private Result<ApprovalTask> HeldTask(int number, long by)
    {
        if (_tasks.FirstOrDefault(t => t.Number == number) is not { } task)
        {
            return ApprovalErrors.Task(ApprovalErrors.TaskNotFound, number);
        }

        if (!task.IsOpen || Status != ApprovalStatus.Pending)
        {
            return ApprovalErrors.Task(ApprovalErrors.AlreadyHandled, number);
        }

        if (!task.IsHeldBy(by))
        {
            return ApprovalErrors.Task(ApprovalErrors.NotYours, number);
        }

        return task.Status == ApprovalTaskStatus.Waiting ? ApprovalErrors.Task(ApprovalErrors.TaskWaiting, number) : task;
    }

    /// <summary>The user already holds an open task at this node (a second one would make them decide twice).</summary>
    private bool Holds(long user) => RoundTasks.Any(t => t.IsOpen && t.AssigneeId == user);

    private ApprovalTask TaskNumbered(int number) => _tasks.First(t => t.Number == number);

    private IEnumerable<ApprovalTask> Children(ApprovalTask task) => _tasks.Where(t => t.AddedFrom == task.Number);

    private ApprovalTask Top(ApprovalTask task) => task.AddedFrom is { } parent ? Top(TaskNumbered(parent)) : task;

    private List<ApprovalTask> Subtree(ApprovalTask task) => [task, .. Children(task).SelectMany(Subtree)];

    /// <summary>In or-sign mode, the first top task to approve takes the node: every other branch is cancelled.</summary>
    private List<ApprovalTask> Rivals(ApprovalTask task) =>
        CurrentNode.Mode == ApprovalMode.OrSign && task.AddedFrom is null
            ? RoundTasks.Where(t => t.IsOpen && Top(t) != task).ToList()
            : [];

    private bool CountsApproved(ApprovalTask task, Func<ApprovalTask, ApprovalTaskStatus> status) =>
        status(task) == ApprovalTaskStatus.Approved
        && Children(task).Where(c => c.AddPosition == AddPosition.After && status(c) != ApprovalTaskStatus.Cancelled).All(c => CountsApproved(c, status));

    /// <summary>What follows once <paramref name="from"/> may count as approved under the proposed <paramref name="status"/>.</summary>
    private (Follow What, ApprovalTask? Next) Settle(ApprovalTask from, Func<ApprovalTask, ApprovalTaskStatus> status)
    {
        var task = from;
        while (task.AddedFrom is { } parent)
        {
            if (!CountsApproved(task, status))
            {
                return (Follow.Nothing, null);
            }

            if (task.AddPosition == AddPosition.Before)
            {
                return (Follow.ResumeParent, TaskNumbered(parent));
            }

            task = TaskNumbered(parent);
        }

        if (!CountsApproved(task, status))
        {
            return (Follow.Nothing, null);
        }

        var tops = RoundTasks.Where(t => t.AddedFrom is null && status(t) != ApprovalTaskStatus.Cancelled).ToList();
        if (CurrentNode.Mode == ApprovalMode.Sequential && tops.Where(t => status(t) == ApprovalTaskStatus.Waiting).MinBy(t => t.Order) is { } next)
        {
            return (Follow.NextInSequence, next);
        }

        return tops.All(t => CountsApproved(t, status)) ? (Follow.CompleteNode, null) : (Follow.Nothing, null);
    }

    /// <summary>The plan for leaving the node when <paramref name="follow"/> completes it; null otherwise.</summary>
    private Result<Plan?> PlanIf(Follow follow, IReadOnlyDictionary<string, JsonElement> data, ApprovalContext context) =>
        follow == Follow.CompleteNode
            ? PlanFrom(CurrentNodeKey!, data, context).Map(p => (Plan?)p)
            : Result<Plan?>.Success(null);

    private void Proceed(Follow follow, ApprovalTask? next, Plan? plan, DateTimeOffset now, ApprovalContext context, ApprovalOutcome outcome)
    {
        switch (follow)
        {
            case Follow.ResumeParent or Follow.NextInSequence:
                Start(next!, now, context, outcome);
                break;
            case Follow.CompleteNode:
                CancelOpen(RoundTasks, now, outcome);
                Apply(plan!, now, context, outcome);
                break;
        }
    }

    private static Func<ApprovalTask, ApprovalTaskStatus> Proposed(Dictionary<ApprovalTask, ApprovalTaskStatus> changes) =>
        t => changes.TryGetValue(t, out var s) ? s : t.Status;
}
