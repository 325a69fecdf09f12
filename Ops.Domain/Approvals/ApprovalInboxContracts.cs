using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

public enum InboxBox
{
    Todo,
    Done,
    Mine,
    Cc,

    /// <summary>Every application (needs <c>workflow.instances.view_all</c>).</summary>
    All,
}

/// <summary>The inbox tabs' counts: open tasks, tasks I decided, my applications still open, copies not read.</summary>
public sealed record InboxCounts(int Todo, int Done, int Mine, int UnreadCc);

public sealed record InboxFilter(
    string? Search = null,
    string? DefinitionCode = null,
    ApprovalStatus? Status = null,
    ApprovalUrgency? Urgency = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    bool? UnreadOnly = null);

/// <summary>
/// One line of an inbox: the application, and for to-do and done the task (<see cref="TaskNumber"/>).
/// <see cref="IsSimple"/> tasks may be batch-approved: no field to edit at their node.
/// </summary>
public sealed record InboxRow(
    long InstanceId,
    string Title,
    string DefinitionCode,
    string DefinitionName,
    ApprovalStatus Status,
    ApprovalUrgency Urgency,
    long ApplicantId,
    string? ApplicantName,
    string? CurrentNodeName,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? FinishedAt,
    int? TaskNumber,
    string? NodeName,
    ApprovalTaskStatus? TaskStatus,
    DateTimeOffset? TaskCreatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? HandledAt,
    long? OnBehalfOfId,
    string? OnBehalfOfName,
    bool IsSimple,
    bool? CcRead);

public sealed record TimelineEntry(
    int Number,
    ApprovalAction Action,
    long? ActorId,
    string? ActorName,
    long? OnBehalfOfId,
    string? OnBehalfOfName,
    string? NodeKey,
    string? NodeName,
    long? TargetUserId,
    string? TargetUserName,
    RejectTarget? RejectTarget,
    string? Comment,
    IReadOnlyList<ApprovalFileInfo> Attachments,
    IReadOnlyList<string> ChangedFields,
    DateTimeOffset At);

public sealed record TaskView(
    int Number,
    string NodeKey,
    string NodeName,
    long AssigneeId,
    string? AssigneeName,
    long? OnBehalfOfId,
    string? OnBehalfOfName,
    ApprovalTaskStatus Status,
    int? AddedFrom,
    AddPosition? AddPosition,
    long? AddedById,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? HandledAt,
    string? Comment);

public enum NodeProgress
{
    Done,
    Current,
    Pending,

    /// <summary>Not on the route the form data takes.</summary>
    Skipped,
}

/// <summary>What the caller may do on an application now.</summary>
public sealed record InstancePermissions(
    IReadOnlyList<int> MyTasks,
    IReadOnlyList<int> RemovableTasks,
    bool CanWithdraw,
    bool CanUrge,
    bool CanEditDraft,
    bool CanTerminate,
    bool CanComment,
    IReadOnlyList<string> EditableFields);

/// <summary>An application as one viewer sees it: fields hidden from them are left out of <see cref="FormData"/>.</summary>
public sealed record InstanceDetail(
    long Id,
    string Title,
    string DefinitionCode,
    string DefinitionName,
    int VersionNumber,
    ApprovalStatus Status,
    bool IsReturned,
    ApprovalUrgency Urgency,
    string? BusinessType,
    string? BusinessId,
    long ApplicantId,
    string? ApplicantName,
    string? CurrentNodeKey,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? FinishedAt,
    ApprovalForm Form,
    IReadOnlyDictionary<string, JsonElement> FormData,
    IReadOnlyList<string> HiddenFields,
    ApprovalProcess Process,
    IReadOnlyDictionary<string, NodeProgress> Progress,
    IReadOnlyList<TaskView> Tasks,
    IReadOnlyList<TimelineEntry> Timeline,
    InstancePermissions Allowed,
    int Version);

/// <summary>The four inboxes, their counts, and one application in detail.</summary>
public interface IApprovalInbox
{
    Task<InboxCounts> CountsAsync(CancellationToken cancellationToken = default);

    Task<PagedResult<InboxRow>> ListAsync(InboxBox box, InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>A box as an Excel workbook, filtered as on screen, newest first, at most 10,000 rows.</summary>
    Task<byte[]> ExportAsync(InboxBox box, InboxFilter filter, SheetFormat format, CancellationToken cancellationToken = default);

    /// <summary>Every application (needs <c>workflow.instances.view_all</c>).</summary>
    Task<PagedResult<InboxRow>> AllAsync(InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Applicants, approvers (past and present), CC recipients and holders of view_all may open an application.</summary>
    Task<Result<InstanceDetail>> GetAsync(long instanceId, CancellationToken cancellationToken = default);
}

/// <summary>
/// Something changed in a user's inboxes (a task came or went, an application they follow moved):
/// open inbox pages and the menu counts reload.
/// </summary>
public sealed record ApprovalInboxChanged(long UserId, long InstanceId) : IUserEvent;
