using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// Fills the audit columns, turns deletes of soft-deletable rows into updates, bumps concurrency
/// versions and hands opted-in changes to the <see cref="ChangeLogRecorder"/>.
/// </summary>
internal sealed class AuditingInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is OpsDbContext context)
        {
            Apply(context);
            ChangeLogRecorder.Capture(context, clock.GetUtcNow());
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OpsDbContext context)
        {
            Apply(context);
            await ChangeLogRecorder.CaptureAsync(context, clock.GetUtcNow(), cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is OpsDbContext context)
        {
            ChangeLogRecorder.Complete(context);
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OpsDbContext context)
        {
            await ChangeLogRecorder.CompleteAsync(context, cancellationToken);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is OpsDbContext context)
        {
            ChangeLogRecorder.Abort(context);
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OpsDbContext context)
        {
            await ChangeLogRecorder.AbortAsync(context);
        }
    }

    private void Apply(OpsDbContext context)
    {
        if (ChangeLogRecorder.IsFlushing(context))
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var actorId = context.Actor.UserId;
        foreach (var entry in context.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is ISoftDeletable && entry.State == EntityState.Deleted)
            {
                // Unchanged first: only the flag and the audit columns are written, never the rest.
                entry.State = EntityState.Unchanged;
                entry.Property(nameof(ISoftDeletable.IsDeleted)).CurrentValue = true;
                entry.Property(nameof(ISoftDeletable.DeletedAt)).CurrentValue = now;
                ChangeLogRecorder.MarkSoftDeleted(context, entry);
            }

            if (entry.Entity is IAuditable)
            {
                StampAuditColumns(entry, now, actorId);
            }

            if (entry.Entity is IVersioned && entry.State == EntityState.Modified)
            {
                var version = entry.Property(nameof(IVersioned.Version));
                version.CurrentValue = (int)version.OriginalValue! + 1;
            }
        }
    }

    private static void StampAuditColumns(EntityEntry entry, DateTimeOffset now, long? actorId)
    {
        switch (entry.State)
        {
            case EntityState.Added:
                entry.Property(nameof(IAuditable.CreatedAt)).CurrentValue = now;
                entry.Property(nameof(IAuditable.CreatedBy)).CurrentValue = actorId;
                entry.Property(nameof(IAuditable.UpdatedAt)).CurrentValue = now;
                entry.Property(nameof(IAuditable.UpdatedBy)).CurrentValue = actorId;
                break;
            case EntityState.Modified:
                entry.Property(nameof(IAuditable.UpdatedAt)).CurrentValue = now;
                entry.Property(nameof(IAuditable.UpdatedBy)).CurrentValue = actorId;
                break;
        }
    }
}
