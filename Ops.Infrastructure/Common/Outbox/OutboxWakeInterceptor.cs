using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// Wakes an outbox's dispatcher when rows due now are committed (enqueued, resent, taken back), whichever service wrote
/// them: a new outbox gets this for nothing. Inside an explicit transaction the wake waits for the commit, or the
/// dispatcher would look before the rows can be seen.
/// </summary>
internal sealed class OutboxWakeInterceptor(OutboxSignals signals, TimeProvider clock) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Type>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        WakeUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        WakeUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Wake(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Wake(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Added or EntityState.Modified && entry.Entity is IOutboxRow row && row.IsWaiting && row.NextAttemptAt <= now)
            {
                lock (_pending)
                {
                    _pending.GetOrCreateValue(context).Add(entry.Entity.GetType());
                }
            }
        }
    }

    private void WakeUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Wake(context);
        }
    }

    private void Wake(DbContext? context)
    {
        foreach (var type in Take(context))
        {
            signals.For(type).Fire();
        }
    }

    private void Forget(DbContext? context) => Take(context);

    private Type[] Take(DbContext? context)
    {
        if (context is null)
        {
            return [];
        }

        lock (_pending)
        {
            if (!_pending.TryGetValue(context, out var types))
            {
                return [];
            }

            _pending.Remove(context);
            return [.. types];
        }
    }
}
