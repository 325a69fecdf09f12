using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>One attempt at one claimed row: renew the lease, deliver with a time-out, record the outcome while the lease holds.</summary>
internal sealed class OutboxAttemptRunner<TRow, TStatus>(
    IDbContextFactory<OpsDbContext> factory, IOutboxDelivery<TRow> delivery, OutboxSettings settings, TimeProvider clock, ILogger logger, string owner)
    where TRow : class, IOutboxRow<TStatus>
    where TStatus : struct, Enum
{
    public async Task RunAsync(long id)
    {
        await using var db = await factory.CreateDbContextAsync();
        if (!await OutboxRows<TRow, TStatus>.RenewAsync(db, id, owner, clock.GetUtcNow() + settings.Lease, CancellationToken.None))
        {
            return;
        }

        var row = await db.Set<TRow>().SingleAsync(r => r.Id == id);
        var started = clock.GetTimestamp();
        var (error, heldBackUntil) = await DeliverAsync(row);
        var now = clock.GetUtcNow();
        if (heldBackUntil is { } until)
        {
            row.Deferred(until);
        }
        else
        {
            if (error is null)
            {
                row.Succeeded(now);
            }
            else
            {
                row.AttemptFailed(error, now, delivery.Retry(row, settings.Retry));
                logger.LogWarning("Outbox {Row} {Id} attempt {Attempt} failed: {Error}", typeof(TRow).Name, id, row.Attempts, error);
            }

            delivery.Record(db, row, new OutboxAttempt(row.Attempts, now, error, clock.GetElapsedTime(started)));
        }

        if (!await OutboxRows<TRow, TStatus>.SaveIfHeldAsync(db, id, owner, CancellationToken.None))
        {
            logger.LogWarning("Outbox {Row} {Id}: the lease was lost during the attempt; its outcome is left to the node that holds it", typeof(TRow).Name, id);
        }
    }

    private async Task<(string? Error, DateTimeOffset? HeldBackUntil)> DeliverAsync(TRow row)
    {
        try
        {
            using var timeout = new CancellationTokenSource(settings.Timeout, clock);
            return (null, await delivery.DeliverAsync(row, timeout.Token));
        }
        catch (Exception ex)
        {
            // Whatever a delivery throws is a failed attempt of this row, never the end of the dispatcher.
            return (ex is OperationCanceledException ? $"Timed out after {settings.Timeout.TotalSeconds:0} s" : ex.Message, null);
        }
    }
}
