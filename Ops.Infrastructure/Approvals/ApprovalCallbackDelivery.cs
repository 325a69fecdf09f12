using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Approvals;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Delivers one row of the approval outbox: the notices of an action (queued in the notification center), or the
/// callbacks of a final state — handed to the module's <see cref="IApprovalHook"/>, or POSTed with <c>X-Ops-Delivery</c>
/// (receivers de-duplicate on it), <c>X-Ops-Timestamp</c> and <c>X-Ops-Signature: sha256=</c>hex HMAC-SHA256(secret,
/// timestamp + "." + delivery id + "." + body), redirects not followed. Any 2xx (a hook or a send that returns) delivers it.
/// </summary>
internal sealed class ApprovalCallbackDelivery(
    IServiceProvider services, IDbContextFactory<OpsDbContext> factory, IHttpClientFactory clients, IDataProtectionProvider protection,
    ApprovalEffects effects, ApprovalCallbackOptions options, TimeProvider clock) : IOutboxDelivery<ApprovalCallback>
{
    /// <summary>The named client for callbacks: it does not follow redirects (the signature headers must not travel elsewhere).</summary>
    public const string HttpClientName = "approval-callbacks";

    // The notices of this pass's batch, sent together by PrepareAsync: per delivery id, null when all went, else the refusal.
    private IReadOnlyDictionary<string, string?>? _noticesSent;

    /// <summary>
    /// Sends the notices of every notice row of the batch in one call of the message center (instances, templates and
    /// users looked up once); each row's attempt then reports its own outcome. Should the batch send fail as a whole,
    /// each row tries on its own.
    /// </summary>
    public async Task PrepareAsync(IReadOnlyList<ApprovalCallback> rows, CancellationToken cancellationToken)
    {
        var notices = rows.Where(r => r.Kind == CallbackKind.Notice).ToList();
        if (notices.Count == 0)
        {
            return;
        }

        try
        {
            _noticesSent = await effects.SendNoticesAsync(services, notices, cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            _noticesSent = null;
        }
    }

    public async Task<DateTimeOffset?> DeliverAsync(ApprovalCallback callback, CancellationToken cancellationToken)
    {
        switch (callback.Kind)
        {
            case CallbackKind.Http:
                await PostAsync(callback, cancellationToken);
                break;
            case CallbackKind.Hook:
                await CallHookAsync(callback, cancellationToken);
                break;
            default:
                await SendNoticesAsync(callback, cancellationToken);
                break;
        }

        return null;
    }

    public RetryPolicy Retry(ApprovalCallback callback, RetryPolicy standard) => callback.Kind == CallbackKind.Notice ? options.NoticeRetry : standard;

    private async Task SendNoticesAsync(ApprovalCallback callback, CancellationToken cancellationToken)
    {
        if (_noticesSent is not null && _noticesSent.TryGetValue(callback.DeliveryId, out var refusal))
        {
            if (refusal is not null)
            {
                throw new DeliveryException(refusal);
            }

            return;
        }

        // On its own (the batch send failed): in a scope of its own, as other rows of the batch run beside it.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        await effects.SendNoticesAsync(scope.ServiceProvider, callback, cancellationToken);
    }

    private async Task PostAsync(ApprovalCallback callback, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var secret = await (from i in db.ApprovalInstances
                            join d in db.ApprovalDefinitions on i.DefinitionId equals d.Id
                            where i.Id == callback.InstanceId
                            select d.CallbackSecretProtected).FirstOrDefaultAsync(cancellationToken)
            ?? throw new DeliveryException(DeliveryTexts.NoCallbackSecret);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, callback.Target) { Content = new StringContent(callback.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Ops-Delivery", callback.DeliveryId);
        request.Headers.Add("X-Ops-Timestamp", timestamp);
        // The delivery id is signed too, so a captured request cannot be replayed under a fresh id past the receiver's de-duplication.
        request.Headers.Add("X-Ops-Signature", "sha256=" + WebhookSender.Sign(
            protection.CreateProtector(ApprovalDefinitionService.SecretPurpose).Unprotect(secret), $"{timestamp}.{callback.DeliveryId}", callback.Payload));
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new DeliveryException($"HTTP {(int)response.StatusCode} from {new Uri(callback.Target).GetLeftPart(UriPartial.Authority)}");
        }
    }

    private async Task CallHookAsync(ApprovalCallback callback, CancellationToken cancellationToken)
    {
        // A scope of its own: the rows of a batch are attempted in parallel, and a module's hook may use scoped services.
        await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();
        var hook = scope.ServiceProvider.GetServices<IApprovalHook>().FirstOrDefault(h => h.BusinessType == callback.Target)
            ?? throw new DeliveryException(DeliveryTexts.NoHook(callback.Target));
        var finished = JsonSerializer.Deserialize<ApprovalFinished>(callback.Payload, ApprovalJson.Options)!;
        await hook.OnFinishedAsync(finished, cancellationToken);
    }
}
