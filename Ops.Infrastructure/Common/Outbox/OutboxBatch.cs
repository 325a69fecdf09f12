using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// One pass over one outbox table: claim a batch in one statement, read it in one, let the delivery prepare its look-ups
/// once, attempt the rows with bounded parallelism (each with its time-out), and record every outcome in one transaction
/// that first checks, in one statement, that the claim still holds each row.
/// </summary>
internal sealed class OutboxBatch<TRow, TStatus>(
    IDbContextFactory<OpsDbContext> factory, IOutboxDelivery<TRow> delivery, OutboxSettings settings, OutboxLeaseClock leases,
    TimeProvider clock, ILogger logger, string owner)
    where TRow : class, IOutboxRow<TStatus>
    where TStatus : struct, Enum
{
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private DateTimeOffset _until;

    /// <summary>Rows of this batch whose attempt has started: a stop must not hand them back, or they would go twice.</summary>
    public ConcurrentDictionary<long, byte> Started { get; } = new();

    /// <summary>Claims, attempts and records one batch; returns how many rows it claimed.</summary>
    public async Task<int> RunAsync(CancellationToken stoppingToken)
    {
        await using var db = await factory.CreateDbContextAsync(stoppingToken);
        var now = clock.GetUtcNow();
        _until = leases.Next(now);
        int claimed;
        try
        {
            claimed = await OutboxRows<TRow, TStatus>.ClaimAsync(db, owner, now, _until, Math.Max(1, settings.BatchSize), stoppingToken);
        }
        catch (Exception ex) when (Deadlock.Is(ex))
        {
            // Two nodes claiming the same rows at once: MariaDB rolled this claim back whole, so nothing is held. The next
            // pass claims again (a deadlock is the engine's way of saying "later", not a failure of the outbox).
            return 0;
        }

        if (claimed == 0)
        {
            return 0;
        }

        var rows = await OutboxRows<TRow, TStatus>.ClaimedAsync(db, owner, _until, stoppingToken);
        var outcomes = await AttemptAllAsync(rows, stoppingToken);
        await RecordAsync(db, rows, outcomes);
        return rows.Count;
    }

    private async Task<OutboxOutcome?[]> AttemptAllAsync(List<TRow> rows, CancellationToken stoppingToken)
    {
        var outcomes = new OutboxOutcome?[rows.Count];
        string? unprepared = null;
        try
        {
            await delivery.PrepareAsync(rows, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // The batch's look-ups failed: every row's attempt fails with it, retried with backoff like any other failure.
            unprepared = ex.Message;
        }

        // Not tied to the stop: an attempt that started is finished, so it is not delivered twice; unstarted rows are handed back.
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism) };
        await Parallel.ForEachAsync(Enumerable.Range(0, rows.Count), parallel, async (i, _) =>
        {
            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            await RenewIfDueAsync();
            Started.TryAdd(rows[i].Id, 0);
            var started = clock.GetTimestamp();
            var (error, heldBackUntil) = unprepared is null ? await DeliverAsync(rows[i]) : (unprepared, null);
            outcomes[i] = new OutboxOutcome(error, heldBackUntil, clock.GetUtcNow(), clock.GetElapsedTime(started));
        });
        return outcomes;
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

    /// <summary>A long batch moves its lease on before half of it has run out, in one statement for the rows the claim still holds.</summary>
    private async Task RenewIfDueAsync()
    {
        if (clock.GetUtcNow() < _until - settings.Lease / 2)
        {
            return;
        }

        await _renewing.WaitAsync();
        try
        {
            var now = clock.GetUtcNow();
            if (now < _until - settings.Lease / 2)
            {
                return;
            }

            var renewed = leases.Next(now);
            await using var db = await factory.CreateDbContextAsync();
            await OutboxRows<TRow, TStatus>.RenewAsync(db, owner, _until, renewed, CancellationToken.None);
            _until = renewed;
        }
        finally
        {
            _renewing.Release();
        }
    }

    private async Task RecordAsync(OpsDbContext db, List<TRow> rows, OutboxOutcome?[] outcomes)
    {
        var attempted = rows.Where((_, i) => outcomes[i] is not null).Select(r => r.Id).ToList();
        if (attempted.Count == 0)
        {
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var held = await OutboxRows<TRow, TStatus>.LockHeldAsync(db, owner, _until, attempted, CancellationToken.None);
        for (var i = 0; i < rows.Count; i++)
        {
            if (outcomes[i] is not { } outcome)
            {
                continue;
            }

            if (!held.Contains(rows[i].Id))
            {
                db.Entry(rows[i]).State = EntityState.Detached;
                logger.LogWarning("Outbox {Row} {Id}: the lease was lost during the attempt; its outcome is left to the node that holds it", typeof(TRow).Name, rows[i].Id);
                continue;
            }

            Apply(db, rows[i], outcome);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }

    private void Apply(OpsDbContext db, TRow row, OutboxOutcome outcome)
    {
        if (outcome.HeldBackUntil is { } until)
        {
            row.Deferred(until);
            return;
        }

        if (outcome.Error is null)
        {
            row.Succeeded(outcome.At);
        }
        else
        {
            row.AttemptFailed(outcome.Error, outcome.At, delivery.Retry(row, settings.Retry));
            logger.LogWarning("Outbox {Row} {Id} attempt {Attempt} failed: {Error}", typeof(TRow).Name, row.Id, row.Attempts, outcome.Error);
        }

        delivery.Record(db, row, new OutboxAttempt(row.Attempts, outcome.At, outcome.Error, outcome.Duration));
    }

    private sealed record OutboxOutcome(string? Error, DateTimeOffset? HeldBackUntil, DateTimeOffset At, TimeSpan Duration);
}
