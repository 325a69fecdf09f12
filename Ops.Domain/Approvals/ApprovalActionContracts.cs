using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// Starting an application: on the latest published version of the definition with <see cref="DefinitionCode"/>.
/// <see cref="IdempotencyKey"/> (generated when the form opened) makes a repeat of the same start return the first application.
/// </summary>
public sealed record StartApproval(string DefinitionCode, ApprovalApplication Application, bool Submit = true, string? IdempotencyKey = null);

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
