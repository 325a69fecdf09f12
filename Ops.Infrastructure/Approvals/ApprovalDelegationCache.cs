using Microsoft.EntityFrameworkCore;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// The out-of-office delegations not cancelled and not yet over, kept in memory for a few seconds: every
/// action needs them and they rarely change. A change made through this portal applies at once (the
/// delegation service calls <see cref="Invalidate"/> after its save); one made on another node applies within
/// <see cref="Lifetime"/>.
/// </summary>
internal sealed class ApprovalDelegationCache(TimeProvider clock, TimeSpan? lifetime = null)
{
    /// <summary>How long a snapshot serves before it is read again (5 s unless a test sets it).</summary>
    public TimeSpan Lifetime { get; } = lifetime ?? TimeSpan.FromSeconds(5);

    private Snapshot? _snapshot;
    private long _generation;

    /// <summary>Who is away to whom at <paramref name="now"/>, oldest delegation first.</summary>
    public async Task<IReadOnlyList<(long UserId, long DelegateId)>> InForceAsync(OpsDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || now < snapshot.LoadedFor || clock.GetElapsedTime(snapshot.LoadedAt) > Lifetime)
        {
            var generation = Interlocked.Read(ref _generation);
            var loadedAt = clock.GetTimestamp();
            var rows = await db.ApprovalDelegations.AsNoTracking()
                .Where(d => d.CancelledAt == null && d.End > now)
                .OrderBy(d => d.CreatedAt).ThenBy(d => d.Id)
                .Select(d => new Row(d.UserId, d.DelegateId, d.Start, d.End)).ToListAsync(cancellationToken);
            snapshot = new Snapshot(rows, now, loadedAt);

            // A change saved while this load ran may be missing from it: use it for this call, keep it only if none came.
            if (Interlocked.Read(ref _generation) == generation)
            {
                Volatile.Write(ref _snapshot, snapshot);
            }
        }

        return snapshot.Rows.Where(r => r.Start <= now && r.End > now).Select(r => (r.UserId, r.DelegateId)).ToList();
    }

    /// <summary>A delegation was created or cancelled: the next action reads them again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _snapshot, null);
    }

    private sealed record Row(long UserId, long DelegateId, DateTimeOffset Start, DateTimeOffset End);

    private sealed record Snapshot(IReadOnlyList<Row> Rows, DateTimeOffset LoadedFor, long LoadedAt);
}
