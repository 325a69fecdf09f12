using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Approvals;

/// <summary>An application as one viewer sees it: names filled in, hidden fields left out, progress per node, what they may do now.</summary>
internal static class ApprovalDetailMapper
{
    public static InstanceDetail Map(
        ApprovalInstance instance, string definitionName, IReadOnlyDictionary<long, string> names, IReadOnlyDictionary<string, ApprovalFileInfo> files,
        long me, bool viewAll, bool terminate, DateTimeOffset now)
    {
        var nodes = instance.Process.Nodes.ToDictionary(n => n.Key);
        string? Name(long? id) => id is { } value ? names.GetValueOrDefault(value) : null;
        string NodeName(string key) => nodes.TryGetValue(key, out var node) && !string.IsNullOrEmpty(node.Name) ? node.Name : key;

        var hidden = ApprovalVisibility.HiddenFor(instance, me, viewAll);
        var data = instance.FormData.Where(p => !hidden.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        var tasks = instance.Tasks.OrderBy(t => t.Number).Select(t => new TaskView(
            t.Number, t.NodeKey, NodeName(t.NodeKey), t.AssigneeId, Name(t.AssigneeId), t.OnBehalfOfId, Name(t.OnBehalfOfId), t.Status,
            t.AddedFrom, t.AddPosition, t.AddedById, t.CreatedAt, t.DueAt, t.HandledAt, t.Comment)).ToList();
        var timeline = instance.Records.OrderBy(r => r.Number).Select(r => new TimelineEntry(
            r.Number, r.Action, r.ActorId, Name(r.ActorId), r.OnBehalfOfId, Name(r.OnBehalfOfId), r.NodeKey, r.NodeKey is { } k ? NodeName(k) : null,
            r.TargetUserId, Name(r.TargetUserId), r.RejectTarget, r.Comment,
            r.Attachments.Select(a => files.GetValueOrDefault(a) ?? new ApprovalFileInfo(a, a, 0, "")).ToList(), r.ChangedFields, r.At)).ToList();

        return new InstanceDetail(
            instance.Id, instance.Title, instance.DefinitionCode, definitionName, instance.VersionNumber, instance.Status, instance.IsReturned,
            instance.Urgency, instance.BusinessType, instance.BusinessId, instance.ApplicantId, Name(instance.ApplicantId), instance.CurrentNodeKey,
            instance.CreatedAt, instance.SubmittedAt, instance.FinishedAt, instance.Form, data, hidden, instance.Process, Progress(instance),
            tasks, timeline, Allowed(instance, me, terminate, now), instance.Version);
    }

    /// <summary>Done: passed or decided; current: waiting for decisions; pending: ahead on the route; skipped: off the route.</summary>
    public static IReadOnlyDictionary<string, NodeProgress> Progress(ApprovalInstance instance)
    {
        var route = instance.PlannedRoute.ToList();
        var visited = instance.Records.Where(r => r.NodeKey is not null).Select(r => r.NodeKey!).ToHashSet();
        var current = instance.Status == ApprovalStatus.Pending ? instance.CurrentNodeKey : null;
        var currentIndex = current is null ? -1 : route.IndexOf(current);
        var result = new Dictionary<string, NodeProgress>();
        foreach (var node in instance.Process.Nodes)
        {
            var index = route.IndexOf(node.Key);
            result[node.Key] = node.Key == current ? NodeProgress.Current
                : instance.Status == ApprovalStatus.Approved && index >= 0 ? NodeProgress.Done
                : visited.Contains(node.Key) || (index >= 0 && index < currentIndex) || (node is StartNode && instance.SubmittedAt is not null) ? NodeProgress.Done
                : index >= 0 && !instance.IsFinal ? NodeProgress.Pending
                : NodeProgress.Skipped;
        }

        return result;
    }

    private static InstancePermissions Allowed(ApprovalInstance instance, long me, bool terminate, DateTimeOffset now)
    {
        var pending = instance.Status == ApprovalStatus.Pending;
        var applicant = instance.ApplicantId == me;
        var mine = pending ? instance.Tasks.Where(t => t.Status == ApprovalTaskStatus.Pending && t.IsHeldBy(me)).Select(t => t.Number).ToList() : [];
        var removable = pending ? instance.Tasks.Where(t => t.IsOpen && t.AddedById == me).Select(t => t.Number).ToList() : [];
        var editable = mine.Count > 0 && instance.CurrentNodeKey is { } key && instance.Process.Nodes.FirstOrDefault(n => n.Key == key) is ApprovalNode node
            ? instance.Form.Fields.Where(f => node.AccessOf(f.Key) == FieldAccess.Edit).Select(f => f.Key).ToList()
            : [];
        return new InstancePermissions(
            mine,
            removable,
            applicant && ((pending && !instance.ApproverActed) || (instance.Status == ApprovalStatus.Draft && instance.IsReturned)),
            applicant && pending && (instance.LastUrgedAt is not { } urged || urged + ApprovalInstance.UrgeInterval <= now),
            applicant && instance.Status == ApprovalStatus.Draft,
            terminate && !instance.IsFinal && instance.SubmittedAt is not null,
            instance.SubmittedAt is not null,
            editable);
    }
}
