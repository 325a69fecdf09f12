using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Ops.Domain.Audit;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// Writes <see cref="DataChangeLog"/> rows for <see cref="IChangeTracked"/> entities in the same
/// transaction as the change. Updates and deletes are logged in the same SaveChanges; inserts only
/// get their id from the database, so their rows are written right after, inside a transaction this
/// class opens when the caller has none — the change and its log commit or roll back together.
/// </summary>
internal static class ChangeLogRecorder
{
    private static readonly HashSet<string> IgnoredProperties =
    [
        nameof(IAuditable.CreatedAt), nameof(IAuditable.UpdatedAt), nameof(IAuditable.CreatedBy),
        nameof(IAuditable.UpdatedBy), nameof(IVersioned.Version), "ConcurrencyStamp", "SecurityStamp", "PasswordHash",

        // Sign-in bookkeeping of users: not a change anyone made, and it would bury the ones that are.
        "LoginCount", "LastLoginAt", "PreviousLoginAt", "LastLoginIp", "AccessFailedCount", "LockoutEnd",
    ];

    private static readonly ConditionalWeakTable<DbContext, State> States = new();

    /// <summary>A context leased from the pool starts clean.</summary>
    public static void Forget(DbContext context) => States.Remove(context);

    public static bool IsFlushing(DbContext context) => States.TryGetValue(context, out var state) && state.Flushing;

    public static void MarkSoftDeleted(DbContext context, EntityEntry entry) =>
        States.GetOrCreateValue(context).SoftDeleted.Add(entry.Entity);

    public static void Capture(OpsDbContext context, DateTimeOffset now)
    {
        var state = Prepare(context, now);
        if (state is { PendingInserts.Count: > 0 } && context.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = context.Database.BeginTransaction();
        }
    }

    public static async Task CaptureAsync(OpsDbContext context, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var state = Prepare(context, now);
        if (state is { PendingInserts.Count: > 0 } && context.Database.CurrentTransaction is null)
        {
            state.OwnTransaction = await context.Database.BeginTransactionAsync(cancellationToken);
        }
    }

    public static void Complete(OpsDbContext context)
    {
        if (!TryTakeInserts(context, out var state))
        {
            return;
        }

        try
        {
            context.SaveChanges();
            state.OwnTransaction?.Commit();
        }
        finally
        {
            Reset(context, state);
        }
    }

    public static async Task CompleteAsync(OpsDbContext context, CancellationToken cancellationToken)
    {
        if (!TryTakeInserts(context, out var state))
        {
            return;
        }

        try
        {
            await context.SaveChangesAsync(cancellationToken);
            if (state.OwnTransaction is not null)
            {
                await state.OwnTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            Reset(context, state);
        }
    }

    public static void Abort(OpsDbContext context)
    {
        if (States.TryGetValue(context, out var state) && !state.Flushing)
        {
            DetachLogs(context, state);
            if (state.OwnTransaction is not null && context.Database.CurrentTransaction == state.OwnTransaction)
            {
                state.OwnTransaction.Rollback();
            }

            Reset(context, state);
        }
    }

    public static async Task AbortAsync(OpsDbContext context)
    {
        if (States.TryGetValue(context, out var state) && !state.Flushing)
        {
            DetachLogs(context, state);
            if (state.OwnTransaction is not null && context.Database.CurrentTransaction == state.OwnTransaction)
            {
                await state.OwnTransaction.RollbackAsync();
            }

            Reset(context, state);
        }
    }

    private static State? Prepare(OpsDbContext context, DateTimeOffset now)
    {
        var state = States.GetOrCreateValue(context);
        if (state.Flushing)
        {
            return null;
        }

        var traceId = Activity.Current?.TraceId.ToString();
        foreach (var entry in context.ChangeTracker.Entries().Where(e => e.Entity is IChangeTracked).ToList())
        {
            var action = entry.State switch
            {
                EntityState.Added => DataChangeAction.Insert,
                EntityState.Modified when state.SoftDeleted.Contains(entry.Entity) => DataChangeAction.Delete,
                EntityState.Modified => DataChangeAction.Update,
                EntityState.Deleted => DataChangeAction.Delete,
                _ => (DataChangeAction?)null,
            };
            if (action is null)
            {
                continue;
            }

            var log = Describe(entry, action.Value, now, context.Actor, traceId);
            if (log is null)
            {
                continue;
            }

            if (action == DataChangeAction.Insert)
            {
                state.PendingInserts.Add((log, entry));
            }
            else
            {
                context.DataChangeLogs.Add(log);
                state.Logs.Add(log);
            }
        }

        state.SoftDeleted.Clear();
        return state;
    }

    private static DataChangeLog? Describe(EntityEntry entry, DataChangeAction action, DateTimeOffset now, Actor actor, string? traceId)
    {
        var properties = entry.Properties.Where(p => !IgnoredProperties.Contains(p.Metadata.Name)).ToList();
        var changed = action switch
        {
            DataChangeAction.Update => properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList(),
            _ => properties,
        };
        if (action == DataChangeAction.Update && changed.Count == 0)
        {
            return null;
        }

        var table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;
        return new DataChangeLog(
            now,
            table,
            action == DataChangeAction.Insert ? "" : RecordIdOf(entry),
            action,
            action == DataChangeAction.Insert ? null : Snapshot(entry, p => p.OriginalValue),
            action is DataChangeAction.Delete or DataChangeAction.Insert ? null : Snapshot(entry, p => p.CurrentValue),
            string.Join(",", changed.Select(p => p.Metadata.Name)),
            actor,
            traceId);
    }

    private static string RecordIdOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue));

    private static string Snapshot(EntityEntry entry, Func<PropertyEntry, object?> value) =>
        JsonSerializer.Serialize(entry.Properties.Where(p => !IgnoredProperties.Contains(p.Metadata.Name)).ToDictionary(p => p.Metadata.Name, value));

    private static bool TryTakeInserts(OpsDbContext context, out State state)
    {
        if (!States.TryGetValue(context, out state!) || state.Flushing)
        {
            return false;
        }

        if (state.PendingInserts.Count == 0)
        {
            Reset(context, state);
            return false;
        }

        foreach (var (log, entry) in state.PendingInserts)
        {
            // Only now are database-generated keys known, for the record id and the new image.
            log.CompleteInsert(RecordIdOf(entry), Snapshot(entry, p => p.CurrentValue));
            context.DataChangeLogs.Add(log);
        }

        state.Flushing = true;
        return true;
    }

    private static void DetachLogs(DbContext context, State state)
    {
        foreach (var log in state.Logs)
        {
            context.Entry(log).State = EntityState.Detached;
        }
    }

    private static void Reset(DbContext context, State state)
    {
        state.OwnTransaction?.Dispose();
        States.Remove(context);
    }

    private sealed class State
    {
        public List<(DataChangeLog Log, EntityEntry Entry)> PendingInserts { get; } = [];

        public List<DataChangeLog> Logs { get; } = [];

        public HashSet<object> SoftDeleted { get; } = new(ReferenceEqualityComparer.Instance);

        public IDbContextTransaction? OwnTransaction { get; set; }

        public bool Flushing { get; set; }
    }
}
