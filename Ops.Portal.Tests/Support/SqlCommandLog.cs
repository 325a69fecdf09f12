using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MySqlConnector;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The SQL commands EF sends to one test database, whichever context sends them: EF's diagnostic events, kept only when
/// the command's connection points at this test's own database (tests of other classes run beside it).
/// </summary>
internal sealed class SqlCommandLog : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _database;
    private readonly IDisposable _all;
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<string> _commands = new();

    private SqlCommandLog(TestDatabase database)
    {
        _database = database.Provider == DatabaseProvider.Sqlite
            ? Path.GetFileName(new SqliteConnectionStringBuilder(database.ConnectionString).DataSource)
            : new MySqlConnectionStringBuilder(database.ConnectionString).Database;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    /// <summary>The commands since the last <see cref="Clear"/>, in the order they were sent.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    /// <summary>
    /// Starts one for the harness's database and returns once it sees commands: EF re-checks whether anybody listens only
    /// about once a second, so the commands right after subscribing could go unseen. Probes until one is logged.
    /// </summary>
    public static async Task<SqlCommandLog> StartAsync(InfrastructureHarness harness)
    {
        var log = new SqlCommandLog(harness.Database);
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
            _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuting.Name));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Value is CommandEventData data && Ours(data.Command.Connection))
        {
            _commands.Enqueue(data.Command.CommandText);
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
