using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Approvals;

/// <summary>Where a definition's final states go, and how those deliveries went.</summary>
internal sealed partial class ApprovalDefinitionService
{
    public Task<Result> SetCallbackAsync(long id, CallbackInput input, CancellationToken cancellationToken = default)
    {
        var secret = string.IsNullOrEmpty(input.Secret) ? null : protection.CreateProtector(SecretPurpose).Protect(input.Secret);
        return ChangeAsync(id, null, ApprovalPermissions.Definitions.Edit, "definition.callback", d => d.ConfigureCallback(input.Enabled, input.Url, secret), cancellationToken);
    }

    /// <summary>Needs edit: the list names applications (titles) and the receivers' errors.</summary>
    public async Task<IReadOnlyList<CallbackRow>> CallbacksAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await (from c in db.ApprovalCallbacks
                      join i in db.ApprovalInstances on c.InstanceId equals i.Id
                      where i.DefinitionId == id && c.Kind != CallbackKind.Notice
                      orderby c.Id descending
                      select new CallbackRow(c.Id, c.InstanceId, i.Title, c.Kind, c.Target, c.Status, c.Attempts, c.LastError, c.CreatedAt, c.NextAttemptAt, c.DeliveredAt))
            .Take(50).ToListAsync(cancellationToken);
    }

    public async Task<Result> RetryCallbackAsync(long callbackId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Definitions.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var callback = await db.ApprovalCallbacks.SingleOrDefaultAsync(c => c.Id == callbackId && c.Kind != CallbackKind.Notice, cancellationToken);
        if (callback is null)
        {
            return Error.NotFound(ApprovalErrors.CallbackNotFound);
        }

        if (callback.Status != CallbackStatus.Failed)
        {
            return Error.Conflict(ApprovalErrors.CallbackNotFailed);
        }

        callback.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("callback.retry", callback.InstanceId, callback.Target, cancellationToken);
        return Result.Success();
    }
}
