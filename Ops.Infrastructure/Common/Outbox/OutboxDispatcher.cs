using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// Works one outbox table: claims a batch of due rows under this node's lease, hands each to the
/// <see cref="IOutboxDelivery{TRow}"/> of its kind, records the outcome (delivered, retried with backoff, failed for good,
/// held back) while it still holds the lease, and sleeps until the poll interval passes or a row is enqueued. At start it
/// takes back what an earlier process of this node left in hand; at a clean stop it hands back what it had not started.
/// At least once: a crash may repeat a delivery (receivers de-duplicate on the row), never lose one.
/// </summary>
internal sealed class OutboxDispatcher<TRow, TStatus>(
    IServiceScopeFactory scopes, OutboxSettings settings, OutboxSignals signals, NodeIdentity node, TimeProvider clock,
    ILogger<OutboxDispatcher<TRow, TStatus>> logger) : BackgroundService
    where TRow : class, IOutboxRow<TStatus>
    where TStatus : struct, Enum
{
    private readonly Pulse _wake = signals.For(typeof(TRow));
    private readonly Pulse _passed = new();
    private readonly string _owner = node.Owner;
    private readonly OutboxLeaseClock _leases = new(settings.Lease);
    private OutboxBatch<TRow, TStatus>? _current;
    private long _passesStarted;
    private long _passesEnded;

    /// <summary>
    /// Completes when a pass of the loop that starts after this call has ended, whether or not it found work: what tests
    /// await instead of the clock (with <see cref="Wake"/>, so that one starts).
    /// </summary>
    public Task NextPass => PassAfterAsync(Interlocked.Read(ref _passesStarted));

    /// <summary>Ends the idle wait at once, as an enqueue does.</summary>
    public void Wake() => _wake.Fire();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await TakeBackLeftOversAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            // Read before the pass: a row enqueued while it runs wakes the wait below at once.
            var woken = _wake.Next;
            var pass = Interlocked.Increment(ref _passesStarted);
            var handled = 0;
            try
            {
                handled = await DispatchOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Nothing but the stop may end this loop: a dead dispatcher would strand every row.
                logger.LogError(ex, "Outbox {Row} dispatch failed; retrying", typeof(TRow).Name);
            }

            Interlocked.Exchange(ref _passesEnded, pass);
            _passed.Fire();
            if (handled == 0)
            {
                await IdleAsync(woken, stoppingToken);
            }
        }
    }

    /// <summary>Hands back at a clean stop what this node claimed and did not start, so nobody waits for the lease to run out.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(CancellationToken.None);
            await OutboxRows<TRow, TStatus>.ReleaseAsync(db, _owner, [.. _current?.Started.Keys ?? []], CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or ObjectDisposedException or OperationCanceledException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not hand back the {Row} leases at stop; they expire after {Lease}", typeof(TRow).Name, settings.Lease);
        }
    }

    /// <summary>Claims, attempts and records one batch; returns how many rows it claimed.</summary>
    internal async Task<int> DispatchOnceAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateSystemScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        var delivery = scope.ServiceProvider.GetRequiredService<IOutboxDelivery<TRow>>();
        var batch = new OutboxBatch<TRow, TStatus>(factory, delivery, settings, _leases, clock, logger, _owner);
        _current = batch;
        var claimed = await batch.RunAsync(stoppingToken);
        if (stoppingToken.IsCancellationRequested)
        {
            // What the batch had not started goes back to the queue, due as it was.
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            await OutboxRows<TRow, TStatus>.ReleaseAsync(db, _owner, [], CancellationToken.None);
        }

        _current = null;
        return claimed;
    }

    /// <summary>
    /// What an earlier process of this node was delivering when it died is due again now, not when its lease runs out:
    /// that process is gone, so nobody else is delivering it.
    /// </summary>
    internal async Task TakeBackLeftOversAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateSystemScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync(cancellationToken);
            var taken = await OutboxRows<TRow, TStatus>.TakeBackAsync(db, _owner, node.LeftOverPrefix, clock.GetUtcNow(), cancellationToken);
            if (taken > 0)
            {
                logger.LogWarning("Took back {Count} {Row} rows a previous process of this node held when it stopped; they are delivered again", taken, typeof(TRow).Name);
            }
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            logger.LogWarning(ex, "Could not take back the {Row} leases of a previous process; they are retried when they expire after {Lease}", typeof(TRow).Name, settings.Lease);
        }
    }

    private async Task PassAfterAsync(long started)
    {
        while (true)
        {
            var next = _passed.Next;
            if (Interlocked.Read(ref _passesEnded) > started)
            {
                return;
            }

            await next;
        }
    }

    private async Task IdleAsync(Task woken, CancellationToken stoppingToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var poll = Task.Delay(settings.PollInterval, clock, idle.Token);
        await Task.WhenAny(woken, poll);
        await idle.CancelAsync();
    }
}
