using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// Counts the SQL commands and transactions EF runs in the calling async flow only (from EF's diagnostic events; other
/// tests running at the same time are not counted): for tests that a piece of work takes a bounded number of statements.
/// </summary>
internal sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<SqlCommandCounter?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly List<string> _commands = [];
    private int _transactions;

    private SqlCommandCounter()
    {
    }

    /// <summary>The commands run so far, each its SQL text.</summary>
    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_commands)
            {
                return _commands.ToList();
            }
        }
    }

    /// <summary>Commands that read (SELECT …), apart from those that write.</summary>
    public int Reads => Commands.Count(c => c.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));

    public int Transactions => Volatile.Read(ref _transactions);

    /// <summary>
    /// Starts counting the work of the calling flow (and the flows it starts) until disposed. EF caches for a moment
    /// whether anyone listens, so it first runs a probe statement until one is seen, then starts from zero.
    /// </summary>
    public static Task<SqlCommandCounter> StartAsync(InfrastructureHarness harness)
    {
        // Not async: the async-local is set in the caller's flow, which an async method would restore on return.
        var counter = new SqlCommandCounter();
        Current.Value = counter;
        counter._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(counter));
        return counter.UntilHeardAsync(harness);
    }

    private async Task<SqlCommandCounter> UntilHeardAsync(InfrastructureHarness harness)
    {
        var bound = Stopwatch.StartNew();
        while (Commands.Count == 0 && bound.Elapsed < TimeSpan.FromSeconds(10))
        {
            await using (var db = await harness.CreateDbContextAsync())
            {
                await db.Database.ExecuteSqlRawAsync("SELECT 1");
            }

            if (Commands.Count == 0)
            {
                await Task.Delay(100);
            }
        }

        Assert.NotEmpty(Commands);
        Reset();
        return this;
    }

    public void Reset()
    {
        lock (_commands)
        {
            _commands.Clear();
        }

        Interlocked.Exchange(ref _transactions, 0);
    }

    public void Dispose()
    {
        Current.Value = null;
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
            _subscriptions.Clear();
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (!ReferenceEquals(Current.Value, this))
        {
            return;
        }

        if (value.Key == RelationalEventId.CommandExecuted.Name && value.Value is CommandExecutedEventData executed)
        {
            lock (_commands)
            {
                _commands.Add(executed.Command.CommandText);
            }
        }
        else if (value.Key == RelationalEventId.TransactionStarted.Name)
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
}
