namespace Ops.Domain.Approvals;

/// <summary>Who may open an application: the applicant, anyone who held or was given one of its tasks, and its CC recipients (holders of view_all see all).</summary>
public static class ApprovalVisibility
{
    public static bool CanSee(ApprovalInstance instance, long userId) =>
        instance.ApplicantId == userId
        || instance.Tasks.Any(t => t.AssigneeId == userId || t.OnBehalfOfId == userId || t.HandledById == userId || t.AddedById == userId)
        || instance.Ccs.Any(c => c.UserId == userId);

    /// <summary>
    /// The form fields the viewer must not see. The applicant and holders of view_all see all; an approver does not
    /// see what is hidden at the node of their latest task; anyone else (a CC recipient, someone who only added an
    /// approver) does not see what is hidden at any node.
    /// </summary>
    public static IReadOnlyList<string> HiddenFor(ApprovalInstance instance, long userId, bool viewAll)
    {
        if (viewAll || instance.ApplicantId == userId)
        {
            return [];
        }

        var nodes = instance.Process.Nodes.OfType<ApprovalNode>().ToDictionary(n => n.Key);
        var latest = instance.Tasks.Where(t => t.AssigneeId == userId || t.OnBehalfOfId == userId).MaxBy(t => t.Number);
        IEnumerable<ApprovalNode> deciding = latest is not null && nodes.TryGetValue(latest.NodeKey, out var own) ? [own] : nodes.Values;
        return instance.Form.Fields.Where(f => deciding.Any(n => n.AccessOf(f.Key) == FieldAccess.Hidden)).Select(f => f.Key).ToList();
    }
}
