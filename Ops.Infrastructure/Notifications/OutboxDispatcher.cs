using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>Section <c>Outbox</c>: how the dispatcher polls, leases and retries.</summary>
public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 50;

    public int MaxAttempts { get; set; } = 5;

    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Most messages per <see cref="RateWindow"/> and channel from one node; channels not listed are unlimited.</summary>
    public Dictionary<MessageChannel, int> RateLimits { get; set; } = new()
    {
        [MessageChannel.DingTalk] = 20,
        [MessageChannel.WeCom] = 20,
        [MessageChannel.Feishu] = 100,
    };

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    public RetryPolicy Retry => new(MaxAttempts, BaseDelay, MaxDelay);
}

/// <summary>
/// Sends what the outbox holds. A message is claimed by writing this node's lease on it only if
/// nobody holds a live lease, so two dispatchers never send the same one; a crash leaves the
/// lease to expire and the message to be sent again later (at-least-once: receivers de-duplicate
/// on the message id). Stopping lets the message in hand finish.
/// </summary>
internal sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, OutboxOptions options, ChannelRateLimiter limiter, NodeIdentity node, TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private long? _inFlight;

    private readonly string _node = node.Owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeBackLeftOversAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchOnceAsync(stoppingToken);
                if (sent == 0)
                {
                    await Task.Delay(options.PollInterval, clock, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogError(ex, "Outbox dispatch failed; retrying");
                await Task.Delay(options.PollInterval, clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// On a clean stop, messages this node claimed but did not start are handed back at once,
    /// so another node (or the next start) sends them without waiting for the lease to expire.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(CancellationToken.None);
            var inFlight = _inFlight ?? 0;
            await db.MessageLogs.Where(m => m.LeaseOwner == _node && m.Status == MessageStatus.Sending && m.Id != inFlight)
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Pending).SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or ObjectDisposedException or OperationCanceledException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not release outbox leases at stop; they expire after {Lease}", options.Lease);
        }
    }

    /// <summary>
    /// Messages an earlier incarnation of this node was sending when it died are sent again now, not when their lease
    /// runs out: that process is gone, so nobody else is sending them. Each is counted as resent after a restart.
    /// </summary>
    internal async Task TakeBackLeftOversAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
            var (owner, prefix, now) = (node.Owner, node.LeftOverPrefix, clock.GetUtcNow());
            var taken = await db.MessageLogs
                .Where(m => m.Status == MessageStatus.Sending && m.LeaseOwner != null && m.LeaseOwner != owner && (prefix == null || m.LeaseOwner.StartsWith(prefix)))
                .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MessageStatus.Pending).SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null)
                    .SetProperty(m => m.ResentAfterRestart, m => m.ResentAfterRestart + 1), cancellationToken);
            if (taken > 0)
            {
                logger.LogWarning("Took back {Count} messages a previous process of this node was sending when it stopped; they are sent again", taken);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not take back the outbox leases of a previous process; they are sent when they expire after {Lease}", options.Lease);
        }
    }

    /// <summary>Claims and sends one batch; returns how many it handled.</summary>
    internal async Task<int> DispatchOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        var claimed = await ClaimAsync(factory, stoppingToken);
        foreach (var id in claimed)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                await ReleaseAsync(factory, id);
                continue;
            }

            await SendOneAsync(scope.ServiceProvider, factory, id);
        }

        return claimed.Count;
    }

    private async Task<List<long>> ClaimAsync(IDbContextFactory<OpsDbContext> factory, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var candidates = await db.MessageLogs
            .Where(m => (m.Status == MessageStatus.Pending && m.NextAttemptAt <= now) || (m.Status == MessageStatus.Sending && m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(options.BatchSize).ToListAsync(cancellationToken);
        var claimed = new List<long>();
        var until = now + options.Lease;
        foreach (var id in candidates)
        {
            // The conditional update is the lock: exactly one dispatcher changes the row.
            var rows = await db.MessageLogs
                .Where(m => m.Id == id && ((m.Status == MessageStatus.Pending && m.NextAttemptAt <= now) || (m.Status == MessageStatus.Sending && m.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Sending).SetProperty(m => m.LeaseOwner, _node).SetProperty(m => m.LeaseUntil, until), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    private async Task SendOneAsync(IServiceProvider services, IDbContextFactory<OpsDbContext> factory, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        // Renew the lease for this one send, only if this node still holds it: a batch that ran
        // long may have lost a message to another node, which then sends it instead of us.
        var until = clock.GetUtcNow() + options.Lease;
        var held = await db.MessageLogs.Where(m => m.Id == id && m.LeaseOwner == _node && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.LeaseUntil, until));
        if (held == 0)
        {
            return;
        }

        var message = await db.MessageLogs.SingleAsync(m => m.Id == id);

        if (limiter.TryAcquire(message.Channel, clock.GetUtcNow()) is { } freeAt)
        {
            message.Deferred(freeAt);
            await db.SaveChangesAsync();
            return;
        }

        var sender = services.GetServices<IMessageSender>().FirstOrDefault(s => s.Channel == message.Channel);
        var watch = Stopwatch.StartNew();
        string? error = null;
        try
        {
            if (sender is null)
            {
                throw new DeliveryException(DeliveryTexts.NoSender(message.Channel));
            }

            // Not tied to shutdown: a message in hand is finished, so it is not sent twice.
            _inFlight = id;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await sender.SendAsync(message, timeout.Token);
        }
        catch (Exception ex)
        {
            // Whatever a sender throws is a failed attempt of this message, never the end of the dispatcher.
            error = ex is OperationCanceledException ? "Timed out after 30 s" : ex.Message;
        }


        var now = clock.GetUtcNow();
        if (error is null)
        {
            message.Succeeded(now);
        }
        else
        {
            message.AttemptFailed(error, now, options.Retry);
            logger.LogWarning("Message {Id} attempt {Attempt} failed: {Error}", id, message.Attempts, error);
        }

        db.MessageAttempts.Add(new MessageAttempt(id, message.Attempts, now, error is null, error, watch.Elapsed.TotalMilliseconds));
        await db.SaveChangesAsync();
        _inFlight = null;
    }

    private static async Task ReleaseAsync(IDbContextFactory<OpsDbContext> factory, long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        await db.MessageLogs.Where(m => m.Id == id && m.Status == MessageStatus.Sending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MessageStatus.Pending).SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));
    }
}
