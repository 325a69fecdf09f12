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

    /// <summary>Claims up to <paramref name="batch"/> due rows for <paramref name="owner"/>, oldest due first.</summary>
    public static async Task<List<long>> ClaimAsync(OpsDbContext db, string owner, DateTimeOffset now, TimeSpan lease, int batch, CancellationToken cancellationToken)
    {
        var candidates = await Due(db.Set<TRow>(), now).OrderBy(r => r.NextAttemptAt).Select(r => r.Id).Take(batch).ToListAsync(cancellationToken);
        var (inHand, until) = (TRow.InHand, (DateTimeOffset?)(now + lease));
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            var rows = await Due(db.Set<TRow>().Where(r => r.Id == id), now).ExecuteUpdateAsync(
                u => u.SetProperty(r => r.Status, inHand).SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseUntil, until), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>Extends the lease for one attempt if <paramref name="owner"/> still holds it: a long batch may have lost a row to another node.</summary>
    public static async Task<bool> RenewAsync(OpsDbContext db, long id, string owner, DateTimeOffset until, CancellationToken cancellationToken) =>
        await HeldBy(db, owner).Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseUntil, (DateTimeOffset?)until), cancellationToken) == 1;

    /// <summary>
    /// Saves the tracked outcome of <paramref name="id"/> only while <paramref name="owner"/> holds it: the no-op update
    /// locks the row for the transaction, so a node that lost it cannot overwrite the outcome of the node that took it over.
    /// </summary>
    public static async Task<bool> SaveIfHeldAsync(OpsDbContext db, long id, string owner, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (await HeldBy(db, owner).Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.LeaseOwner, owner), cancellationToken) == 0)
        {
            return false;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Hands rows <paramref name="owner"/> holds back to the queue, due as they were; <paramref name="except"/> is the one still being attempted.</summary>
    public static Task<int> ReleaseAsync(OpsDbContext db, string owner, long? except, CancellationToken cancellationToken)
    {
        var (waiting, skip) = (TRow.Waiting, except ?? 0);
        return HeldBy(db, owner).Where(r => r.Id != skip).ExecuteUpdateAsync(
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
