using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common.Outbox;

/// <summary>
/// The outbox's statements on one table. Every change of hands is a conditional update, and the condition is the lock:
/// of two nodes that race for a row, exactly one changes it.
/// </summary>
internal static class OutboxRows<TRow, TStatus>
    where TRow : class, IOutboxRow<TStatus>
    where TStatus : struct, Enum
{
    private static readonly Expression<Func<TRow, bool>> IsWaiting = StatusIs(TRow.Waiting);
    private static readonly Expression<Func<TRow, bool>> IsInHand = StatusIs(TRow.InHand);

    /// <summary>Waiting and due, or in hand under a lease that ran out (its holder died or hung).</summary>
    public static IQueryable<TRow> Due(IQueryable<TRow> rows, DateTimeOffset now) =>
        rows.Where(Or(And(IsWaiting, r => r.NextAttemptAt <= now), And(IsInHand, r => r.LeaseUntil < now)));

    /// <summary>
    /// Claims up to <paramref name="batch"/> due rows for <paramref name="owner"/>, oldest due first, in one statement: the
    /// due condition is evaluated again by the update itself, so of two nodes that race for a row exactly one changes it.
    /// <paramref name="until"/> is the claim's token as well as its lease: <see cref="ClaimedAsync"/> reads back what this
    /// claim took and nothing an earlier pass of the same owner may still hold.
    /// </summary>
    public static Task<int> ClaimAsync(OpsDbContext db, string owner, DateTimeOffset now, DateTimeOffset until, int batch, CancellationToken cancellationToken)
    {
        var (inHand, lease) = (TRow.InHand, (DateTimeOffset?)until);
        // A join, not IN: MariaDB refuses LIMIT inside an IN subquery but materialises a derived table (UPDATE … JOIN; UPDATE
        // … FROM on SQLite). The outer due condition is checked again on the row the update locks: a candidate another
        // node claimed meanwhile is skipped, not taken over.
        var candidates = Due(db.Set<TRow>(), now).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).Take(batch).Select(r => r.Id);
        var claimed = from r in Due(db.Set<TRow>(), now) join id in candidates on r.Id equals id select r;
        return claimed.ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Status, inHand).SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntil, lease), cancellationToken);
    }

    /// <summary>The rows one claim (owner and token) holds, tracked, oldest due first.</summary>
    public static Task<List<TRow>> ClaimedAsync(OpsDbContext db, string owner, DateTimeOffset until, CancellationToken cancellationToken) =>
        HeldUnder(db, owner, until).OrderBy(r => r.NextAttemptAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);

    /// <summary>Moves the lease of the rows one claim still holds to a new token; returns how many it kept.</summary>
    public static Task<int> RenewAsync(OpsDbContext db, string owner, DateTimeOffset until, DateTimeOffset renewed, CancellationToken cancellationToken) =>
        HeldUnder(db, owner, until).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, (DateTimeOffset?)renewed), cancellationToken);

    /// <summary>
    /// Opens the transaction that records a batch's outcomes and returns the ids of <paramref name="ids"/> the claim still
    /// holds: one no-op update locks them all for the transaction (so a node that took one over cannot have its outcome
    /// overwritten), and only when it finds fewer than asked does a select say which were lost.
    /// </summary>
    public static async Task<IReadOnlySet<long>> LockHeldAsync(
        OpsDbContext db, string owner, DateTimeOffset until, IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        var held = HeldUnder(db, owner, until).Where(r => ids.Contains(r.Id));
        if (await held.ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseOwner, owner), cancellationToken) == ids.Count)
        {
            return ids.ToHashSet();
        }

        return (await held.Select(r => r.Id).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>Hands rows <paramref name="owner"/> holds back to the queue, due as they were; <paramref name="except"/> are those attempted or being attempted.</summary>
    public static Task<int> ReleaseAsync(OpsDbContext db, string owner, IReadOnlyCollection<long> except, CancellationToken cancellationToken)
    {
        var waiting = TRow.Waiting;
        var rows = except.Count == 0 ? HeldBy(db, owner) : HeldBy(db, owner).Where(r => !except.Contains(r.Id));
        return rows.ExecuteUpdateAsync(
            u => u.SetProperty(r => r.Status, waiting).SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
    }

    /// <summary>
    /// Rows that earlier processes of this node held when they died (owner starts with <paramref name="prefix"/>, or any
    /// other owner when <paramref name="prefix"/> is null) are due again now, through the row's own <see cref="IOutboxRow.TakenBack"/>.
    /// </summary>
    public static async Task<int> TakeBackAsync(OpsDbContext db, string owner, string? prefix, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leftOver = db.Set<TRow>().Where(IsInHand).Where(r => r.LeaseOwner != null && r.LeaseOwner != owner && (prefix == null || r.LeaseOwner.StartsWith(prefix)));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await leftOver.ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, r => r.LeaseUntil), cancellationToken) == 0)
        {
            return 0;
        }

        var rows = await leftOver.ToListAsync(cancellationToken);
        rows.ForEach(r => r.TakenBack(now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows.Count;
    }

    private static IQueryable<TRow> HeldBy(OpsDbContext db, string owner) => db.Set<TRow>().Where(IsInHand).Where(r => r.LeaseOwner == owner);

    private static IQueryable<TRow> HeldUnder(OpsDbContext db, string owner, DateTimeOffset until)
    {
        DateTimeOffset? lease = until;
        return HeldBy(db, owner).Where(r => r.LeaseUntil == lease);
    }

    // The status is the row's own enum, so its comparison is built here; EF stores and compares it as it maps the column.
    private static Expression<Func<TRow, bool>> StatusIs(TStatus status)
    {
        var row = Expression.Parameter(typeof(TRow), "r");
        var equal = Expression.Equal(Expression.Property(row, typeof(TRow).GetProperty(nameof(IOutboxRow<TStatus>.Status))!), Expression.Constant(status, typeof(TStatus)));
        return Expression.Lambda<Func<TRow, bool>>(equal, row);
    }

    private static Expression<Func<TRow, bool>> And(Expression<Func<TRow, bool>> left, Expression<Func<TRow, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    private static Expression<Func<TRow, bool>> Or(Expression<Func<TRow, bool>> left, Expression<Func<TRow, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    private static Expression<Func<TRow, bool>> Combine(
        Expression<Func<TRow, bool>> left, Expression<Func<TRow, bool>> right, Func<Expression, Expression, BinaryExpression> join) =>
        Expression.Lambda<Func<TRow, bool>>(
            join(left.Body, ReplacingExpressionVisitor.Replace(right.Parameters[0], left.Parameters[0], right.Body)), left.Parameters);
}
