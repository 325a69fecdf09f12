using Microsoft.EntityFrameworkCore;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// <c>SaveChanges</c> in one transaction with one round trip fewer on MariaDB: the driver begins a transaction
/// with two statements (the session's isolation level, then <c>start transaction</c>); this sends only the
/// second, so the server's default level applies (repeatable read). Callers that need atomicity rely on
/// optimistic concurrency, which holds at any level. Other providers save as usual.
/// </summary>
internal static class OneTransactionSave
{
    public static async Task SaveInOneTransactionAsync(this OpsDbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsMySql() || db.Database.CurrentTransaction is not null)
        {
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        var behavior = db.Database.AutoTransactionBehavior;
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        try
        {
            await db.Database.ExecuteSqlRawAsync("START TRANSACTION", cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("COMMIT", cancellationToken);
            }
            catch
            {
                // Nothing of a failed save stays: a lost race's rows, or a batch cut short, are rolled back (and
                // when the connection itself broke, the server rolls back; the original error is what counts).
                try
                {
                    await db.Database.ExecuteSqlRawAsync("ROLLBACK", CancellationToken.None);
                }
                catch (Exception rollback) when (rollback is System.Data.Common.DbException or InvalidOperationException)
                {
                }

                throw;
            }
        }
        finally
        {
            db.Database.AutoTransactionBehavior = behavior;
            await db.Database.CloseConnectionAsync();
        }
    }
}
