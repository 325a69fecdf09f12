using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>A definition in the designer's list.</summary>
public sealed record DefinitionRow(
    long Id,
    string Code,
    string Name,
    string? Category,
    string? Description,
    DefinitionStatus Status,
    int? LatestVersion,
    DateTimeOffset? PublishedAt,
    int RunningInstances,
    DateTimeOffset UpdatedAt,
    int Version);

public sealed record DefinitionFilter(string? Search = null, DefinitionStatus? Status = null, string? Category = null);

/// <summary>Name, category and description of a definition (the code is set once, at creation).</summary>
public sealed record DefinitionInput(string Code, string Name, string? Category = null, string? Description = null);

/// <summary>
/// Where final states are posted. The secret is write-only: leave <see cref="Secret"/> null to keep the stored
/// one; the detail only says whether one is set.
/// </summary>
public sealed record CallbackInput(bool Enabled, string? Url, string? Secret);

/// <summary>One delivery of a final state to the business system, as the callback settings show it.</summary>
public sealed record CallbackRow(
    long Id, long InstanceId, string InstanceTitle, CallbackKind Kind, string Target, CallbackStatus Status, int Attempts, string? LastError,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt);

public sealed record PublishedVersionRow(int Number, DateTimeOffset PublishedAt, long? PublishedBy, string? PublishedByName, int Instances);

/// <summary>Everything the designer edits: the draft process and form, and the versions published so far.</summary>
public sealed record DefinitionDetail(
    long Id,
    string Code,
    string Name,
    string? Category,
    string? Description,
    DefinitionStatus Status,
    ApprovalProcess DraftProcess,
    ApprovalForm DraftForm,
    bool CallbackEnabled,
    string? CallbackUrl,
    bool CallbackSecretSet,
    IReadOnlyList<PublishedVersionRow> Versions,
    int Version);

/// <summary>What an applicant may start: the latest published version's form and the route it will take.</summary>
public sealed record ApplicableDefinition(long Id, string Code, string Name, string? Category, string? Description, int VersionNumber, ApprovalForm Form, ApprovalProcess Process);

/// <summary>Designing, publishing and retiring approval types. Edit, publish and delete each need their own permission.</summary>
public interface IApprovalDefinitionService
{
    Task<PagedResult<DefinitionRow>> ListAsync(DefinitionFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<DefinitionDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(DefinitionInput input, CancellationToken cancellationToken = default);

    Task<Result> DescribeAsync(long id, DefinitionInput input, int version, CancellationToken cancellationToken = default);

    /// <summary>Saves the draft process and form; nothing is checked until publish (a half-drawn process can be kept).</summary>
    Task<Result<int>> SaveDesignAsync(long id, ApprovalProcess process, ApprovalForm form, int version, CancellationToken cancellationToken = default);

    /// <summary>Every problem of a process and form, without saving (the designer's live check).</summary>
    IReadOnlyList<ApprovalProblem> Validate(ApprovalProcess process, ApprovalForm form);

    /// <summary>Freezes the draft as the next version. Fails with the first problem; nothing is published then.</summary>
    Task<Result<int>> PublishAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> RestoreAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Only a definition no application was ever made on can be deleted; archive the others.</summary>
    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> SetCallbackAsync(long id, CallbackInput input, CancellationToken cancellationToken = default);

    /// <summary>The latest deliveries of final states (HTTP callbacks and hooks) of the definition's applications, newest first.</summary>
    Task<IReadOnlyList<CallbackRow>> CallbacksAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Sends a failed delivery again (needs edit).</summary>
    Task<Result> RetryCallbackAsync(long callbackId, CancellationToken cancellationToken = default);

    /// <summary>The published definitions the caller may apply for.</summary>
    Task<IReadOnlyList<ApplicableDefinition>> ApplicableAsync(CancellationToken cancellationToken = default);

    Task<Result<ApplicableDefinition>> ApplicableAsync(string code, CancellationToken cancellationToken = default);
}

/// <summary>Starting an application: on the latest published version of the definition with <see cref="DefinitionCode"/>.</summary>
public sealed record StartApproval(string DefinitionCode, ApprovalApplication Application, bool Submit = true);

/// <summary>A task addressed by its instance and its number there.</summary>
public sealed record TaskRef(long InstanceId, int TaskNumber);

/// <summary>How a batch went: the tasks that went through and, for the others, why not (localized text).</summary>
public sealed record BatchOutcome(IReadOnlyList<TaskRef> Succeeded, IReadOnlyList<(TaskRef Task, Error Error)> Failed);

/// <summary>
/// Every action on an application, as the signed-in user. Each runs the engine on the freshly loaded
/// instance and saves it with optimistic concurrency: of two simultaneous actions exactly one counts, the
/// other returns <see cref="ApprovalErrors.AlreadyHandled"/> and changes nothing.
/// </summary>
public interface IApprovalService
{
    /// <summary>Creates the application (a draft, or submitted when <see cref="StartApproval.Submit"/>); returns its id.</summary>
    Task<Result<long>> StartAsync(StartApproval start, CancellationToken cancellationToken = default);

    /// <summary>The applicant saves a draft or returned application.</summary>
    Task<Result> EditDraftAsync(long instanceId, ApprovalApplication application, CancellationToken cancellationToken = default);

    /// <summary>Submits (or resubmits) a draft, optionally with changed content.</summary>
    Task<Result> SubmitAsync(long instanceId, ApprovalApplication? application = null, CancellationToken cancellationToken = default);

    Task<Result> ApproveAsync(TaskRef task, string? comment, IReadOnlyDictionary<string, JsonElement>? formChanges = null, CancellationToken cancellationToken = default);

    Task<Result> RejectAsync(TaskRef task, string? comment, RejectTarget target, CancellationToken cancellationToken = default);

    Task<Result> TransferAsync(TaskRef task, long toUserId, string? comment, CancellationToken cancellationToken = default);

    Task<Result> DelegateAsync(TaskRef task, long toUserId, string? comment, CancellationToken cancellationToken = default);

    Task<Result> AddApproverAsync(TaskRef task, long userId, AddPosition position, string? comment, CancellationToken cancellationToken = default);

    /// <summary>Removes an approver the caller added (<paramref name="addedTask"/> is the added task).</summary>
    Task<Result> RemoveApproverAsync(TaskRef addedTask, string? comment, CancellationToken cancellationToken = default);

    Task<Result> WithdrawAsync(long instanceId, string? comment, CancellationToken cancellationToken = default);

    Task<Result> UrgeAsync(long instanceId, CancellationToken cancellationToken = default);

    Task<Result> CommentAsync(long instanceId, string? text, IReadOnlyList<string>? attachments, CancellationToken cancellationToken = default);

    /// <summary>An administrator ends a pending application (needs <c>workflow.instances.terminate</c>).</summary>
    Task<Result> TerminateAsync(long instanceId, string? reason, CancellationToken cancellationToken = default);

    Task<Result> MarkCcReadAsync(long instanceId, CancellationToken cancellationToken = default);

    /// <summary>Approves each task on its own (one failure does not stop the others).</summary>
    Task<BatchOutcome> ApproveManyAsync(IReadOnlyList<TaskRef> tasks, string? comment, CancellationToken cancellationToken = default);
}

public enum InboxBox
{
    Todo,
    Done,
    Mine,
    Cc,

    /// <summary>Every application (needs <c>workflow.instances.view_all</c>).</summary>
    All,
}

public sealed record InboxCounts(int Todo, int Mine, int UnreadCc);

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

/// <summary>A stored file as forms and timelines refer to it: <see cref="Id"/> is its key.</summary>
public sealed record ApprovalFileInfo(string Id, string Name, long Size, string ContentType);

public sealed record ApprovalFileContent(ApprovalFileInfo Info, byte[] Content);

/// <summary>Files of attachment fields and comments: uploaded by the signed-in user, read under the application's visibility.</summary>
public interface IApprovalFileService
{
    Task<Result<ApprovalFileInfo>> UploadAsync(string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file, for its uploader, holders of view_all, and those who may see an application that refers to it and that its uploader took part in.</summary>
    Task<Result<ApprovalFileContent>> OpenAsync(string id, CancellationToken cancellationToken = default);
}

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
    Task<byte[]> ExportAsync(InboxBox box, InboxFilter filter, CancellationToken cancellationToken = default);

    /// <summary>Every application (needs <c>workflow.instances.view_all</c>).</summary>
    Task<PagedResult<InboxRow>> AllAsync(InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Applicants, approvers (past and present), CC recipients and holders of view_all may open an application.</summary>
    Task<Result<InstanceDetail>> GetAsync(long instanceId, CancellationToken cancellationToken = default);
}

/// <summary>An out-of-office period: new tasks of <see cref="UserId"/> go to <see cref="DelegateId"/>.</summary>
public sealed record DelegationRow(long Id, long UserId, string? UserName, long DelegateId, string? DelegateName, DateTimeOffset Start, DateTimeOffset End, string? Reason, bool Active);

public sealed record DelegationInput(long DelegateId, DateTimeOffset Start, DateTimeOffset End, string? Reason);

/// <summary>The caller's own out-of-office delegations.</summary>
public interface IApprovalDelegationService
{
    Task<IReadOnlyList<DelegationRow>> MineAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(DelegationInput input, CancellationToken cancellationToken = default);

    Task<Result> CancelAsync(long id, CancellationToken cancellationToken = default);
}

/// <summary>
/// Something changed in a user's inboxes (a task came or went, an application they follow moved):
/// open inbox pages and the menu counts reload.
/// </summary>
public sealed record ApprovalInboxChanged(long UserId, long InstanceId) : IUserEvent;

/// <summary>What a module's in-process hook receives when an application of its business type ends.</summary>
public sealed record ApprovalFinished(
    long InstanceId, string DefinitionCode, string? BusinessType, string? BusinessId, ApprovalStatus Status, long ApplicantId,
    IReadOnlyDictionary<string, JsonElement> FormData, DateTimeOffset FinishedAt);

/// <summary>
/// A module's reaction to the final state of its applications (the config center publishes an approved
/// change). Registered in DI; called through the durable outbox at least once per final state, so it must
/// be idempotent (key on <see cref="ApprovalFinished.InstanceId"/>). Throwing makes the outbox retry.
/// </summary>
public interface IApprovalHook
{
    string BusinessType { get; }

    Task OnFinishedAsync(ApprovalFinished finished, CancellationToken cancellationToken);
}
