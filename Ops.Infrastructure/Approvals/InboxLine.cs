using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Approvals;

/// <summary>One inbox line before names are filled in; <see cref="Since"/> is when it reached the box. Init properties, so EF can filter and sort on them.</summary>
internal sealed class InboxLine
{
    public long InstanceId { get; init; }
    public string Title { get; init; } = "";
    public string DefinitionCode { get; init; } = "";
    public ApprovalStatus Status { get; init; }
    public ApprovalUrgency Urgency { get; init; }
    public long ApplicantId { get; init; }
    public string? CurrentNodeKey { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset Since { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public int? TaskNumber { get; init; }
    public string? NodeKey { get; init; }
    public ApprovalTaskStatus? TaskStatus { get; init; }
    public DateTimeOffset? TaskCreatedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public DateTimeOffset? HandledAt { get; init; }
    public long? OnBehalfOfId { get; init; }
    public bool? CcRead { get; init; }

    public InboxRow ToRow(ApprovalProcess process, string definitionName, IReadOnlyDictionary<long, string?> users)
    {
        var nodes = process.Nodes.ToDictionary(n => n.Key);
        var node = NodeKey is { } key ? nodes.GetValueOrDefault(key) : null;
        var simple = TaskStatus == ApprovalTaskStatus.Pending && node is ApprovalNode approval
            && (approval.Fields is null || approval.Fields.Values.All(a => a != FieldAccess.Edit));
        return new InboxRow(
            InstanceId, Title, DefinitionCode, definitionName, Status, Urgency, ApplicantId, users.GetValueOrDefault(ApplicantId),
            CurrentNodeKey is { } current ? Name(nodes.GetValueOrDefault(current)) : null, SubmittedAt, FinishedAt, TaskNumber, Name(node), TaskStatus,
            TaskCreatedAt, DueAt, HandledAt, OnBehalfOfId, OnBehalfOfId is { } behalf ? users.GetValueOrDefault(behalf) : null, simple, CcRead);
    }

    private static string? Name(ProcessNode? node) => node is null ? null : string.IsNullOrEmpty(node.Name) ? node.Key : node.Name;
}
