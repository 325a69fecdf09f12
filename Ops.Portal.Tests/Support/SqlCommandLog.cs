using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MySqlConnector;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The SQL commands and transactions EF sends to one test database, whichever context or flow sends them (EF's
/// diagnostic events, kept only when the connection points at this test's own database; tests of other classes run
/// beside it, and the harness runs no hosted services): for tests that a piece of work takes a bounded number of statements.
/// </summary>
internal sealed class SqlCommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    // EF's command logger is per context (pooled contexts keep theirs) and caches "nobody listens" for this long
    // (CoreOptionsExtension.LoggingCacheTime, one second by default): a probe on one context does not refresh another's.
    private static readonly TimeSpan EfLoggingCacheTime = TimeSpan.FromSeconds(1);

    private readonly string _database;
    private readonly IDisposable _all;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _commands = new();
    private int _transactions;

    private SqlCommandLog(TestDatabase database)
    {
        _database = database.Provider == DatabaseProvider.Sqlite
            ? Path.GetFileName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
            : new MySqlConnectionStringBuilder(database.ConnectionString).Database;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands since the last <see cref="Clear"/>, in the order they were sent.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    /// <summary>Commands that read (SELECT …), apart from those that write.</summary>
    public int Reads => Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

    /// <summary>Transactions EF began (a plain <c>START TRANSACTION</c> statement is a command, not counted here).</summary>
    public int Transactions => Volatile.Read(ref _transactions);

    public void Clear()
    {
        _commands.Clear();
        Interlocked.Exchange(ref _transactions, 0);
    }

    /// <summary>
    /// Starts one for the harness's database and returns once every context's logger has noticed it: after EF's logging
    /// cache time has run out, and once a probe has been seen. Starts from zero.
    /// </summary>
    public static async Task<SqlCommandLog> StartAsync(InfrastructureHarness harness)
    {
        var log = new SqlCommandLog(harness.Database);
        await Task.Delay(EfLoggingCacheTime + TimeSpan.FromMilliseconds(100));
        await using var db = await harness.CreateDbContextAsync();
        for (var probes = 0; log._commands.IsEmpty; probes++)
        {
            Assert.True(probes < 100, "EF's diagnostic events never reached the command log");
            await db.Database.ExecuteSqlRawAsync("SELECT 1");
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        log.Clear();
        return log;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name || name == RelationalEventId.TransactionStarted.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData data && Ours(data.Command.Connection))
        {
            _commands.Enqueue(data.Command.CommandText);
        }
        else if (value.Value is TransactionEventData transaction && Ours(transaction.Transaction.Connection))
        {
            Interlocked.Increment(ref _transactions);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        _all.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private bool Ours(DbConnection? connection) =>
        connection is not null && (connection.DataSource.Contains(_database, StringComparison.Ordinal) || connection.Database == _database);
}
