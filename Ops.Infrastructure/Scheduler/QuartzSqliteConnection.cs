using Microsoft.Data.Sqlite;
using Quartz.Impl.AdoJobStore.Common;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// The connection Quartz's SQLite store opens: the same pragmas as the portal's own connections (<see cref="Persistence.SqlitePragmas"/>).
/// Quartz commits a transaction for every batch acquired, every batch fired and every fire completed; in WAL mode
/// <c>synchronous=NORMAL</c> spares each commit its fsync (a power cut may lose the last commits, a crash of the
/// process loses nothing), and <c>busy_timeout</c> makes a write wait for the portal's own writers instead of failing.
/// </summary>
internal sealed class QuartzSqliteConnection : SqliteConnection
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    // Quartz opens with OpenAsync, which SqliteConnection leaves to DbConnection's default: it calls Open.
    public override void Open()
    {
        base.Open();
        using var command = CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    /// <summary>Quartz's description of Microsoft.Data.Sqlite (its <c>SQLite-Microsoft</c> provider), with this connection type.</summary>
    public static DbMetadata Describe() => new()
    {
        ProductName = "Microsoft.Data.Sqlite (Ops)",
        AssemblyName = typeof(SqliteConnection).Assembly.FullName,
        ConnectionType = typeof(QuartzSqliteConnection),
        CommandType = typeof(SqliteCommand),
        ParameterType = typeof(SqliteParameter),
        ParameterDbType = typeof(System.Data.DbType),
        ParameterDbTypePropertyName = nameof(SqliteParameter.DbType),
        ParameterNamePrefix = "@",
        ExceptionType = typeof(SqliteException),
        UseParameterNamePrefixInParameterCollection = true,
        BindByName = true,
    };
}
