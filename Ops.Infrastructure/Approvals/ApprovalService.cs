using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Every action on an application as the signed-in user (<c>workflow.instances.todo</c>; terminate needs its
/// own permission). The engine decides who may do what; <see cref="ApprovalStore"/> makes each action count once.
/// </summary>
internal sealed class ApprovalService(
    IPermissionGuard guard, ApprovalStore store, IDbContextFactory<OpsDbContext> factory, IUserAccessStore access, IEventBus events, TimeProvider clock,
    IdempotentCommands once) : IApprovalService
{
    public async Task<Result<long>> StartAsync(StartApproval start, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);

        // A business system's start is idempotent on its business key: a repeat, now or next month, returns the first
        // application (unless the applicant withdrew it). The key also makes simultaneous repeats wait for the first.
        var key = start.IdempotencyKey ?? BusinessKey(start.Application);
        return await once.RunOnceAsync("approval.start", key, me, async () =>
            await ExistingForBusinessAsync(me, start, cancellationToken) is { } existing ? existing : await CreateAsync(me, start, cancellationToken), cancellationToken);
    }

    private static string? BusinessKey(ApprovalApplication application) =>
        string.IsNullOrWhiteSpace(application.BusinessType) || string.IsNullOrWhiteSpace(application.BusinessId)
            ? null
            : $"business:{application.BusinessType.Trim()}:{application.BusinessId.Trim()}" is { Length: <= IdempotencyKey.KeyMaxLength } key ? key : null;

    private async Task<long?> ExistingForBusinessAsync(long me, StartApproval start, CancellationToken cancellationToken)
    {
        if (BusinessKey(start.Application) is null)
        {
            return null;
        }

        var (type, id) = (start.Application.BusinessType!.Trim(), start.Application.BusinessId!.Trim());
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.ApprovalInstances.AsNoTracking()
            .Where(i => i.ApplicantId == me && i.BusinessType == type && i.BusinessId == id && i.DefinitionCode == start.DefinitionCode
                && i.Status != ApprovalStatus.Withdrawn)
            .OrderBy(i => i.Id).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        return found;
    }

    private Task<Result<long>> CreateAsync(long me, StartApproval start, CancellationToken cancellationToken) =>
        store.CreateAsync((now, context, definition) =>
        {
            var draft = ApprovalInstance.Draft(definition, me, start.Application, now);
            if (draft.IsFailure)
            {
                return draft.Error!;
            }

            if (!start.Submit)
            {
                return (draft.Value, (ApprovalOutcome?)null);
            }

            var submitted = draft.Value.Submit(me, now, context);
            return submitted.IsFailure ? submitted.Error! : (draft.Value, submitted.Value);
        }, start.DefinitionCode, me, start.Application.FormData, cancellationToken);

    public async Task<Result> EditDraftAsync(long instanceId, ApprovalApplication application, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(instanceId, me, (i, now, _) => i.EditDraft(me, application, now) is { IsFailure: true } edit ? edit.Error! : ApprovalOutcome.None(), cancellationToken);
    }

    public async Task<Result> SubmitAsync(long instanceId, ApprovalApplication? application = null, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(instanceId, me, (i, now, context) =>
        {
            if (application is not null && i.EditDraft(me, application, now) is { IsFailure: true } edit)
            {
                return edit.Error!;
            }

            return i.Submit(me, now, context);
        }, cancellationToken, application?.FormData);
    }

    public async Task<Result> ApproveAsync(TaskRef task, string? comment, IReadOnlyDictionary<string, JsonElement>? formChanges = null, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(task.InstanceId, me, (i, now, context) => i.Approve(task.TaskNumber, me, comment, now, context, formChanges), cancellationToken, formChanges);
    }

    public async Task<Result> RejectAsync(TaskRef task, string? comment, RejectTarget target, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(task.InstanceId, me, (i, now, context) => i.Reject(task.TaskNumber, me, comment, target, now, context), cancellationToken);
    }

    public async Task<Result> TransferAsync(TaskRef task, long toUserId, string? comment, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        if (!await ActiveUserAsync(toUserId, cancellationToken))
        {
            return Error.Invalid(ApprovalErrors.UserUnknown);
        }

        return await ActAsync(task.InstanceId, me, (i, now, context) => i.Transfer(task.TaskNumber, me, toUserId, comment, now, context), cancellationToken);
    }

    public async Task<Result> DelegateAsync(TaskRef task, long toUserId, string? comment, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        if (!await ActiveUserAsync(toUserId, cancellationToken))
        {
            return Error.Invalid(ApprovalErrors.UserUnknown);
        }

        return await ActAsync(task.InstanceId, me, (i, now, _) => i.Delegate(task.TaskNumber, me, toUserId, comment, now), cancellationToken);
    }

    public async Task<Result> AddApproverAsync(TaskRef task, long userId, AddPosition position, string? comment, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        if (!await ActiveUserAsync(userId, cancellationToken))
        {
            return Error.Invalid(ApprovalErrors.UserUnknown);
        }

        return await ActAsync(task.InstanceId, me, (i, now, context) => i.AddApprover(task.TaskNumber, me, userId, position, comment, now, context), cancellationToken);
    }

    public async Task<Result> RemoveApproverAsync(TaskRef addedTask, string? comment, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(addedTask.InstanceId, me, (i, now, context) => i.RemoveAddedApprover(addedTask.TaskNumber, me, comment, now, context), cancellationToken);
    }

    public async Task<Result> WithdrawAsync(long instanceId, string? comment, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(instanceId, me, (i, now, _) => i.Withdraw(me, comment, now), cancellationToken);
    }

    public async Task<Result> UrgeAsync(long instanceId, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(instanceId, me, (i, now, _) => i.Urge(me, now), cancellationToken);
    }

    public async Task<Result> CommentAsync(long instanceId, string? text, IReadOnlyList<string>? attachments, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        return await ActAsync(instanceId, me, (i, now, _) => i.Comment(me, text, attachments, now), cancellationToken);
    }

    public async Task<Result> TerminateAsync(long instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Terminate, cancellationToken);
        var me = await guard.RequireUserIdAsync(cancellationToken);
        var result = await store.ActAsync(instanceId, null, (i, now, _) => i.Terminate(me, reason, now), me, cancellationToken);
        return result.IsFailure ? result.Error! : Result.Success();
    }

    public async Task<Result> MarkCcReadAsync(long instanceId, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var copies = await db.ApprovalCcs.Where(c => c.InstanceId == instanceId && c.UserId == me).ToListAsync(cancellationToken);
        if (copies.Count == 0)
        {
            return Error.NotFound(ApprovalErrors.CcNotFound);
        }

        var now = clock.GetUtcNow();
        copies.ForEach(c => c.MarkRead(now));
        await db.SaveChangesAsync(cancellationToken);
        await events.PublishAsync(new ApprovalInboxChanged(me, instanceId));
        return Result.Success();
    }

    public async Task<BatchOutcome> ApproveManyAsync(IReadOnlyList<TaskRef> tasks, string? comment, CancellationToken cancellationToken = default)
    {
        await DemandAsync(cancellationToken);
        var succeeded = new List<TaskRef>();
        var failed = new List<(TaskRef, Error)>();
        foreach (var task in tasks.Distinct().Take(PageRequest.MaxPageSize))
        {
            var result = await ApproveAsync(task, comment, null, cancellationToken);
            if (result.IsSuccess)
            {
                succeeded.Add(task);
            }
            else
            {
                failed.Add((task, result.Error!));
            }
        }

        return new BatchOutcome(succeeded, failed);
    }

    private async Task<long> DemandAsync(CancellationToken cancellationToken)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        return await guard.RequireUserIdAsync(cancellationToken);
    }

    /// <summary>Acts when the caller may see the application; otherwise it does not exist for them.</summary>
    private async Task<Result> ActAsync(
        long instanceId, long me, ApprovalStore.Action act, CancellationToken cancellationToken, IReadOnlyDictionary<string, JsonElement>? changes = null)
    {
        var viewAll = await guard.HasAsync(ApprovalPermissions.Instances.ViewAll, cancellationToken);
        var result = await store.ActAsync(instanceId, i => viewAll || ApprovalVisibility.CanSee(i, me), act, me, cancellationToken, changes);
        return result.IsFailure ? result.Error! : Result.Success();
    }

    /// <summary>Tasks go only to people who can sign in and open their inbox.</summary>
    private async Task<bool> ActiveUserAsync(long userId, CancellationToken cancellationToken) =>
        (await access.GetAsync(userId, cancellationToken)).Has(ApprovalPermissions.Instances.Todo);
}
