using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// Each SQLite connection commits with <c>synchronous=NORMAL</c>: in WAL mode (set by the migrator) a commit
/// no longer waits for the disk, only checkpoints do. The database stays consistent after a crash; a power
/// cut can lose the last moments of commits. Waits up to 5 s for a writer instead of failing busy.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
