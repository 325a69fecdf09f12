using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Approvals;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>Section <c>Approvals:Callbacks</c>: polling, lease and retry of the callback outbox.</summary>
public sealed class ApprovalCallbackOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    public int BatchSize { get; set; } = 50;

    public int MaxAttempts { get; set; } = 8;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    public RetryPolicy Retry => new(MaxAttempts, BaseDelay, MaxDelay);

    /// <summary>Notices keep trying for about two days (hourly after the backoff grows): they have no page to resend them from.</summary>
    public RetryPolicy NoticeRetry => new(Math.Max(MaxAttempts, 56), BaseDelay, MaxDelay);
}

/// <summary>
/// Delivers the approval outbox: the notices of each action, and the callbacks of final states. A row is claimed by a conditional update (only one node wins it), then
/// POSTed with <c>X-Ops-Delivery</c> (receivers de-duplicate on it), <c>X-Ops-Timestamp</c> and
/// <c>X-Ops-Signature: sha256=</c>hex HMAC-SHA256(secret, timestamp + "." + delivery id + "." + body), redirects not
/// followed — handed to the module's <see cref="IApprovalHook"/>, or its notices are queued in the
/// notification center. Any 2xx (a hook or a send that returns) delivers it; anything else is retried with
/// backoff until the attempts run out.
/// </summary>
internal sealed class ApprovalCallbackDispatcher(
    IServiceScopeFactory scopes, IHttpClientFactory clients, IDataProtectionProvider protection, ApprovalEffects effects, ApprovalCallbackOptions options,
    NodeIdentity node, TimeProvider clock, ILogger<ApprovalCallbackDispatcher> logger) : BackgroundService
{
    /// <summary>The named client for callbacks: it does not follow redirects (the signature headers must not travel elsewhere).</summary>
    public const string HttpClientName = "approval-callbacks";

    private readonly string _node = node.Owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeBackLeftOversAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Nothing may end this loop but the stop: a dead dispatcher would strand every notice and callback.
                logger.LogError(ex, "Approval callback dispatch failed; retrying");
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>Claims and delivers one batch; returns how many it handled.</summary>
    internal async Task<int> DispatchOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        await using var db = await factory.CreateDbContextAsync(stoppingToken);
        var now = clock.GetUtcNow();
        var candidates = await db.ApprovalCallbacks
            .Where(c => (c.Status == CallbackStatus.Pending && c.NextAttemptAt <= now) || (c.Status == CallbackStatus.Sending && c.LeaseUntil < now))
            .OrderBy(c => c.NextAttemptAt).Select(c => c.Id).Take(options.BatchSize).ToListAsync(stoppingToken);
        var handled = 0;
        foreach (var id in candidates)
        {
            // Each claim gets a full lease from now: a slow batch must not hand out leases that are already over.
            var until = clock.GetUtcNow() + options.Lease;
            var claimed = await db.ApprovalCallbacks
                .Where(c => c.Id == id && ((c.Status == CallbackStatus.Pending && c.NextAttemptAt <= now) || (c.Status == CallbackStatus.Sending && c.LeaseUntil < now)))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CallbackStatus.Sending).SetProperty(c => c.LeaseOwner, _node).SetProperty(c => c.LeaseUntil, until), stoppingToken);
            if (claimed == 1)
            {
                await DeliverAsync(scope.ServiceProvider, factory, id);
                handled++;
            }
        }

        return handled;
    }

    private async Task DeliverAsync(IServiceProvider services, IDbContextFactory<OpsDbContext> factory, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        var callback = await db.ApprovalCallbacks.AsNoTracking().SingleAsync(c => c.Id == id);
        string? error = null;
        try
        {
            // Not tied to shutdown: a delivery in hand is finished, so it is not sent twice.
            using var timeout = new CancellationTokenSource(options.Timeout);
            switch (callback.Kind)
            {
                case CallbackKind.Http:
                    await PostAsync(db, callback, timeout.Token);
                    break;
                case CallbackKind.Hook:
                    await CallHookAsync(services, callback, timeout.Token);
                    break;
                default:
                    await effects.SendNoticesAsync(services, callback, timeout.Token);
                    break;
            }
        }
        catch (Exception ex)
        {
            // Whatever a receiver or hook does is a failed attempt of this callback, never the end of the dispatcher.
            error = ex is OperationCanceledException ? $"Timed out after {options.Timeout.TotalSeconds:0} s" : ex.Message;
        }

        var now = clock.GetUtcNow();
        if (error is null)
        {
            callback.Delivered(now);
        }
        else
        {
            callback.AttemptFailed(error, now, callback.Kind == CallbackKind.Notice ? options.NoticeRetry : options.Retry);
            logger.LogWarning("Approval callback {Id} ({Kind}) attempt {Attempt} failed: {Error}", id, callback.Kind, callback.Attempts, error);
        }

        // Recorded only while this node still holds the lease: a node that lost it (and whose row another node took
        // over) must not overwrite the other's outcome.
        var recorded = await db.ApprovalCallbacks.Where(c => c.Id == id && c.LeaseOwner == _node && c.Status == CallbackStatus.Sending)
            .ExecuteUpdateAsync(u => u
                .SetProperty(c => c.Status, callback.Status).SetProperty(c => c.Attempts, callback.Attempts)
                .SetProperty(c => c.NextAttemptAt, callback.NextAttemptAt).SetProperty(c => c.LastError, callback.LastError)
                .SetProperty(c => c.DeliveredAt, callback.DeliveredAt)
                .SetProperty(c => c.LeaseOwner, (string?)null).SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null));
        if (recorded == 0)
        {
            logger.LogWarning("Approval callback {Id}: the lease was lost during delivery; its outcome is left to the node that holds it", id);
        }
    }

    /// <summary>
    /// Deliveries an earlier incarnation of this node was making when it died are made again now, not when their lease
    /// runs out (at least once: receivers de-duplicate on <c>X-Ops-Delivery</c>).
    /// </summary>
    private async Task TakeBackLeftOversAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
            var (owner, prefix, now) = (node.Owner, node.LeftOverPrefix, clock.GetUtcNow());
            var taken = await db.ApprovalCallbacks
                .Where(c => c.Status == CallbackStatus.Sending && c.LeaseOwner != null && c.LeaseOwner != owner && (prefix == null || c.LeaseOwner.StartsWith(prefix)))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CallbackStatus.Pending).SetProperty(c => c.NextAttemptAt, now)
                    .SetProperty(c => c.LeaseOwner, (string?)null).SetProperty(c => c.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
            if (taken > 0)
            {
                logger.LogWarning("Took back {Count} approval deliveries a previous process of this node was making when it stopped", taken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not take back the approval delivery leases of a previous process; they are retried when they expire");
        }
    }

    private async Task PostAsync(OpsDbContext db, ApprovalCallback callback, CancellationToken cancellationToken)
    {
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

    private static async Task CallHookAsync(IServiceProvider services, ApprovalCallback callback, CancellationToken cancellationToken)
    {
        var hook = services.GetServices<IApprovalHook>().FirstOrDefault(h => h.BusinessType == callback.Target)
            ?? throw new DeliveryException(DeliveryTexts.NoHook(callback.Target));
        var finished = JsonSerializer.Deserialize<ApprovalFinished>(callback.Payload, ApprovalJson.Options)!;
        await hook.OnFinishedAsync(finished, cancellationToken);
    }
}
