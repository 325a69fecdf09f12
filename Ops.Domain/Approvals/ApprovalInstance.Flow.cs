using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// Moving through the graph. Actions first plan what comes next (resolving assignees, which can fail)
/// and only then change state, so a failed action leaves the instance as it was.
/// </summary>
public sealed partial class ApprovalInstance
{
    private enum Follow
    {
        Nothing,
        ResumeParent,
        NextInSequence,
        CompleteNode,
    }

    private ProcessGraph Graph => _graph ??= new ProcessGraph(Process);

    private ApprovalNode CurrentNode =>
        CurrentNodeKey is { } key && Graph.Contains(key) && Graph.Node(key) is ApprovalNode node
            ? node
            : throw new DomainException("approval.instance.no_current_node", CurrentNodeKey ?? "");

    private IEnumerable<ApprovalTask> RoundTasks => _tasks.Where(t => t.Round == Round);

    private Result<Plan> PlanFrom(string from, IReadOnlyDictionary<string, JsonElement> data, ApprovalContext context)
    {
        var copies = new List<(CcNode Node, IReadOnlyList<long> Users)>();
        var key = from;
        for (var steps = 0; steps <= Graph.Nodes.Count && Graph.Next(key, data) is { } next; steps++)
        {
            switch (Graph.Node(next))
            {
                case EndNode end:
                    return new Plan(copies, end, []);
                case ApprovalNode node:
                    return Approvers(node, data, context).Map(users => new Plan(copies, node, users));
                case CcNode cc:
                    copies.Add((cc, Resolve(cc.Recipients, data, context)));
                    break;
            }

            key = next;
        }

        return Error.Conflict(ApprovalErrors.NoRoute, key);
    }

    private Result<IReadOnlyList<long>> Approvers(ApprovalNode node, IReadOnlyDictionary<string, JsonElement> data, ApprovalContext context)
    {
        var users = Resolve(node.Assignees, data, context);
        if (users.Count == 0)
        {
            return Error.Conflict(ApprovalErrors.NoAssignees, node.Name, node.Key);
        }

        return Result<IReadOnlyList<long>>.Success(node.Mode == ApprovalMode.Single ? [users[0]] : users);
    }

    private List<long> Resolve(IReadOnlyList<AssigneeRule> rules, IReadOnlyDictionary<string, JsonElement> data, ApprovalContext context)
    {
        var users = new List<long>();
        foreach (var rule in rules)
        {
            users.AddRange(rule.Kind switch
            {
                AssigneeKind.Users => rule.UserIds ?? [],
                AssigneeKind.Role => context.Assignees.RoleMembers(rule.RoleId ?? 0),
                AssigneeKind.DepartmentLeader => context.Assignees.DepartmentLeaders(rule.DepartmentId ?? 0),
                AssigneeKind.ApplicantLeader => context.Assignees.ApplicantLeaders(ApplicantId, rule.LevelsUp),
                AssigneeKind.ChosenByApplicant => Chosen(rule, data),
                _ => [],
            });
        }

        return users.Where(id => id > 0 && context.Assignees.CanDecide(id)).Distinct().ToList();
    }

    /// <summary>The approvers the applicant picked, never the applicant: nobody approves their own application by choosing themselves.</summary>
    private IReadOnlyList<long> Chosen(AssigneeRule rule, IReadOnlyDictionary<string, JsonElement> data) =>
        rule.Field is { } field && data.TryGetValue(field, out var value) && FormValues.TryIds(value, out var ids) ? ids.Where(id => id != ApplicantId).ToList() : [];

    private void Apply(Plan plan, DateTimeOffset now, ApprovalContext context, ApprovalOutcome outcome)
    {
        foreach (var (node, users) in plan.Copies)
        {
            Write(ApprovalAction.CarbonCopy, null, node.Key, now);
            foreach (var user in users.Where(u => !_ccs.Any(c => c.NodeKey == node.Key && c.UserId == u)))
            {
                var copy = new ApprovalCc(node.Key, user, now);
                _ccs.Add(copy);
                outcome.Copied(copy);
            }
        }

        if (plan.Target is ApprovalNode approval)
        {
            Activate(approval, plan.Assignees, now, context, outcome);
            return;
        }

        CurrentNodeKey = plan.Target.Key;
        Finish(ApprovalStatus.Approved, now, outcome);
    }

    /// <summary>A fresh round of tasks at <paramref name="node"/>; in sequential mode only the first is pending.</summary>
    private void Activate(ApprovalNode node, IReadOnlyList<long> users, DateTimeOffset now, ApprovalContext context, ApprovalOutcome outcome)
    {
        Round++;
        CurrentNodeKey = node.Key;
        for (var i = 0; i < users.Count; i++)
        {
            var task = new ApprovalTask(_tasks.Count + 1, node.Key, Round, i, users[i], ApprovalTaskStatus.Waiting, now);
            _tasks.Add(task);
            if (node.Mode != ApprovalMode.Sequential || i == 0)
            {
                Start(task, now, context, outcome);
            }
        }
    }

    private void Start(ApprovalTask task, DateTimeOffset now, ApprovalContext context, ApprovalOutcome outcome)
    {
        var delegateId = task.ActivatedAt is null ? StandIn(task.AssigneeId, now, context) : null;
        task.Activate(now, (Graph.Node(task.NodeKey) as ApprovalNode)?.DueHours, delegateId);
        outcome.Activated(task);
    }

    /// <summary>
    /// The out-of-office delegate who takes <paramref name="user"/>'s task, but never the applicant: an approver
    /// away with the applicant as delegate keeps the task rather than let the applicant decide their own application.
    /// </summary>
    private long? StandIn(long user, DateTimeOffset now, ApprovalContext context) =>
        context.Delegations.DelegateFor(user, now) is { } stand && stand != ApplicantId ? stand : null;

    private void Finish(ApprovalStatus status, DateTimeOffset now, ApprovalOutcome outcome)
    {
        CancelOpen(_tasks, now, outcome);
        (Status, FinishedAt) = (status, now);
        outcome.Finish(status);
        var notice = status switch
        {
            ApprovalStatus.Approved => ApprovalNoticeKind.Approved,
            ApprovalStatus.Rejected => ApprovalNoticeKind.Rejected,
            ApprovalStatus.Cancelled => ApprovalNoticeKind.Terminated,
            _ => (ApprovalNoticeKind?)null,
        };
        if (notice is { } kind)
        {
            outcome.Notify(ApplicantId, kind);
        }
    }

    private static void CancelOpen(IEnumerable<ApprovalTask> tasks, DateTimeOffset now, ApprovalOutcome outcome)
    {
        foreach (var task in tasks.Where(t => t.IsOpen).ToList())
        {
            task.Cancel(now);
            outcome.Cancelled(task);
        }
    }

    private sealed record Plan(IReadOnlyList<(CcNode Node, IReadOnlyList<long> Users)> Copies, ProcessNode Target, IReadOnlyList<long> Assignees);
}
