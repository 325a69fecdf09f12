using System.Text.Json;

namespace Ops.Domain.Approvals;

/// <summary>The settings of approval, CC and branch nodes against the form they refer to.</summary>
public static partial class ProcessRules
{
    private static void CheckNodes(ApprovalProcess process, ApprovalForm form, Action<string, IReadOnlyList<string>, object[]> add)
    {
        foreach (var node in process.Nodes.OfType<ApprovalNode>())
        {
            CheckApprovalNode(node, form, add);
        }

        foreach (var node in process.Nodes.OfType<CcNode>())
        {
            if (node.Recipients.Count == 0)
            {
                add("recipients_missing", [node.Key], [node.Key]);
            }

            CheckRules(node.Key, node.Recipients, form, add);
        }

        foreach (var edge in process.Edges.Where(e => e.Conditions is { Count: > 0 }))
        {
            foreach (var condition in edge.Conditions!)
            {
                if (form.Field(condition.Field) is null)
                {
                    add("condition_field_unknown", [edge.From, edge.To], [condition.Field]);
                }
                else if (condition.NeedsValue && condition.Value is null
                    || condition.Operator == ConditionOperator.In && condition.Value?.ValueKind != JsonValueKind.Array)
                {
                    add("condition_value_invalid", [edge.From, edge.To], [condition.Field, condition.Operator]);
                }
            }
        }
    }

    private static void CheckApprovalNode(ApprovalNode node, ApprovalForm form, Action<string, IReadOnlyList<string>, object[]> add)
    {
        if (node.Assignees.Count == 0)
        {
            add("assignees_missing", [node.Key], [node.Key]);
        }

        CheckRules(node.Key, node.Assignees, form, add);
        if (node.Mode == ApprovalMode.Single && (node.Assignees.Count > 1 || node.Assignees.Any(r => r.UserIds is { Count: > 1 })))
        {
            add("single_many_assignees", [node.Key], [node.Key]);
        }

        if (node.DueHours is <= 0)
        {
            add("due_invalid", [node.Key], [node.Key]);
        }

        if (node.OnTimeout != TimeoutAction.Remind && node.DueHours is null)
        {
            add("timeout_without_due", [node.Key], [node.Key]);
        }

        foreach (var field in (node.Fields?.Keys ?? []).Where(f => form.Field(f) is null).Order(StringComparer.Ordinal))
        {
            add("field_unknown", [node.Key], [node.Key, field]);
        }
    }

    private static void CheckRules(string node, IReadOnlyList<AssigneeRule> rules, ApprovalForm form, Action<string, IReadOnlyList<string>, object[]> add)
    {
        foreach (var rule in rules.Where(r => !Valid(r, form)))
        {
            add("assignee_invalid", [node], [node, rule.Kind]);
        }
    }

    private static bool Valid(AssigneeRule rule, ApprovalForm form) => rule.Kind switch
    {
        AssigneeKind.Users => rule.UserIds is { Count: > 0 } ids && ids.All(id => id > 0),
        AssigneeKind.Role => rule.RoleId > 0,
        AssigneeKind.DepartmentLeader => rule.DepartmentId > 0,
        AssigneeKind.ApplicantLeader => rule.LevelsUp is >= 1 and <= MaxLevelsUp,
        AssigneeKind.ChosenByApplicant => rule.Field is { } field && form.Field(field)?.Type == FieldType.User,
        _ => false,
    };
}
