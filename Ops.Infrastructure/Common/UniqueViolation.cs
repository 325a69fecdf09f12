using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Ops.Infrastructure.Common;

/// <summary>Recognizes a unique-index violation on either provider (a race the pre-check lost).</summary>
internal static class UniqueViolation
{
    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal),
        MySqlException mysql => mysql.ErrorCode == MySqlErrorCode.DuplicateKeyEntry,
        _ => false,
    };

    /// <summary>Saves; false when a unique index refused the change (a concurrent duplicate).</summary>
    public static async Task<bool> TrySaveAsync(DbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException && Is(ex))
        {
            return false;
        }
    }
}

/// <summary>MySQL/MariaDB rolled the transaction back to break a deadlock (error 1213), however EF or Pomelo wrapped it.</summary>
internal static class Deadlock
{
    public static bool Is(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is MySqlException { ErrorCode: MySqlErrorCode.LockDeadlock })
            {
                return true;
            }
        }

        return false;
    }
}
