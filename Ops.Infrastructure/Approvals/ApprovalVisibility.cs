using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Approvals;

/// <summary>Who may open an application: the applicant, anyone who held or was given one of its tasks, and its CC recipients (holders of view_all see all).</summary>
internal static class ApprovalVisibility
{
    public static bool CanSee(ApprovalInstance instance, long userId) =>
        instance.ApplicantId == userId
        || instance.Tasks.Any(t => t.AssigneeId == userId || t.OnBehalfOfId == userId || t.HandledById == userId || t.AddedById == userId)
        || instance.Ccs.Any(c => c.UserId == userId);

    /// <summary>The form fields the viewer must not see: those hidden at the node of the viewer's latest task (the applicant sees all).</summary>
    public static IReadOnlyList<string> HiddenFor(ApprovalInstance instance, long userId, bool viewAll)
    {
        if (viewAll || instance.ApplicantId == userId)
        {
            return [];
        }

        var latest = instance.Tasks.Where(t => t.AssigneeId == userId || t.OnBehalfOfId == userId).MaxBy(t => t.Number);
        if (latest is null || instance.Process.Nodes.FirstOrDefault(n => n.Key == latest.NodeKey) is not ApprovalNode node)
        {
            return [];
        }

        return instance.Form.Fields.Where(f => node.AccessOf(f.Key) == FieldAccess.Hidden).Select(f => f.Key).ToList();
    }
}
