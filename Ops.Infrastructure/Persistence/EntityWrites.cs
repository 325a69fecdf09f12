using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// Tells in-process caches which entity types a save is about to change, whichever service saves them, so a
/// cache of counts or lookups is dropped without every writer having to know about it. Raised before the save
/// and again after it, so that a read racing the write cannot keep the old value. Bulk
/// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c> calls bypass it: their callers call <see cref="Changed"/> themselves.
/// </summary>
public sealed class EntityWrites
{
    public event Action<IReadOnlySet<Type>>? Written;

    public bool HasListeners => Written is not null;

    public void Changed(params Type[] types) => Written?.Invoke(types.ToHashSet());

    internal void Changed(IReadOnlySet<Type> types) => Written?.Invoke(types);
}

internal sealed class EntityWritesInterceptor(EntityWrites writes) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, IReadOnlySet<Type>> _saving = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Before(DbContext? context)
    {
        if (context is null || !writes.HasListeners)
        {
            return;
        }

        var types = context.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Metadata.ClrType)
            .ToHashSet();
        if (types.Count > 0)
        {
            _saving.AddOrUpdate(context, types);
            writes.Changed(types);
        }
    }

    // Again once saved: a read that began between the two signals may have cached the old value.
    private void After(DbContext? context)
    {
        if (context is not null && _saving.TryGetValue(context, out var types))
        {
            _saving.Remove(context);
            writes.Changed(types);
        }
    }
}
