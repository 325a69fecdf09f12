using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Approvals;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
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
                await effects.SendNoticesAsync(services, callback, cancellationToken);
                break;
        }

        return null;
    }

    public RetryPolicy Retry(ApprovalCallback callback, RetryPolicy standard) => callback.Kind == CallbackKind.Notice ? options.NoticeRetry : standard;

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
        var hook = services.GetServices<IApprovalHook>().FirstOrDefault(h => h.BusinessType == callback.Target)
            ?? throw new DeliveryException(DeliveryTexts.NoHook(callback.Target));
        var finished = JsonSerializer.Deserialize<ApprovalFinished>(callback.Payload, ApprovalJson.Options)!;
        await hook.OnFinishedAsync(finished, cancellationToken);
    }
}
