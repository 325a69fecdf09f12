using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MySqlConnector;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Benchmarks;

/// <summary>CPU time of this process and (when one runs on this machine) of the MariaDB server.</summary>
internal sealed record CpuTime(TimeSpan Process, TimeSpan? Database)
{
    public static CpuTime Take()
    {
        var servers = System.Diagnostics.Process.GetProcessesByName("mariadbd").Concat(System.Diagnostics.Process.GetProcessesByName("mysqld")).ToList();
        TimeSpan? database = servers.Count == 0 ? null : TimeSpan.FromTicks(servers.Sum(p => p.TotalProcessorTime.Ticks));
        servers.ForEach(p => p.Dispose());
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return new CpuTime(self.TotalProcessorTime, database);
    }

    public static CpuTime operator -(CpuTime after, CpuTime before) =>
        new(after.Process - before.Process, after.Database is { } a && before.Database is { } b ? a - b : null);
}

/// <summary>
/// Counts EF Core's commands, connection opens and transactions per workload step (an async-local tag), from
/// EF's diagnostic events: no change to the infrastructure's registration. Untagged work (the outbox dispatcher,
/// the scheduler) is counted as "background".
/// </summary>
internal sealed partial class SqlCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    public static readonly AsyncLocal<string?> Step = new();

    private readonly ConcurrentDictionary<(string Step, string Key), Stat> _stats = new();
    private readonly List<IDisposable> _subscriptions = [];

    private SqlCounter()
    {
    }

    /// <summary>Counts EF commands per step; <c>BENCH_SQL=off</c> leaves EF's diagnostics unobserved (they cost CPU).</summary>
    public static SqlCounter Start()
    {
        var counter = new SqlCounter();
        if (Environment.GetEnvironmentVariable("BENCH_SQL") != "off")
        {
            counter._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(counter));
        }

        return counter;
    }

    public void Reset() => _stats.Clear();

    /// <summary>The SQL commands counted so far in a step.</summary>
    public long Commands(string step) => _stats.Where(s => s.Key.Step == step && !s.Key.Key.StartsWith('(')).Sum(s => (long)s.Value.Count);

    public void Dispose()
    {
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
        var step = Step.Value ?? "background";
        switch (value.Value)
        {
            case CommandExecutedEventData executed when value.Key == RelationalEventId.CommandExecuted.Name:
                Add(step, Classify(executed.Command.CommandText), executed.Duration);
                break;
            case ConnectionEndEventData opened when value.Key == RelationalEventId.ConnectionOpened.Name:
                Add(step, "(connection open)", opened.Duration);
                break;
            case TransactionEndEventData committed when value.Key == RelationalEventId.TransactionCommitted.Name:
                Add(step, "(commit)", committed.Duration);
                break;
            case QueryExpressionEventData query when value.Key == CoreEventId.QueryCompilationStarting.Name:
                // A compilation in steady state is a cache miss: the query's shape changes from call to call.
                Add(step, "(query compiled) " + Shorten(query.Expression.ToString()), TimeSpan.Zero);
                break;
            case TransactionEventData when value.Key == RelationalEventId.TransactionStarted.Name:
                Add(step, "(begin transaction)", TimeSpan.Zero);
                break;
            default:
                break;
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Print(int instances)
    {
        foreach (var step in _stats.Keys.Select(k => k.Step).Distinct().OrderBy(s => s == "background" ? 1 : 0).ThenBy(s => s, StringComparer.Ordinal))
        {
            var rows = _stats.Where(s => s.Key.Step == step).OrderByDescending(s => s.Value.Ticks).ToList();
            var commands = rows.Where(r => !r.Key.Key.StartsWith('(')).Sum(r => r.Value.Count);
            var transactions = rows.Where(r => r.Key.Key == "(begin transaction)").Sum(r => r.Value.Count);
            var opens = rows.Where(r => r.Key.Key == "(connection open)").Sum(r => r.Value.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  SQL in {step}: {(double)commands / instances:F1} commands, {(double)opens / instances:F1} connection opens, {(double)transactions / instances:F1} transactions per instance; time in commands {TimeSpan.FromTicks(rows.Sum(r => r.Value.Ticks)).TotalMilliseconds / instances:F2} ms per instance"));
            var compiled = rows.Where(r => r.Key.Key.StartsWith("(query compiled)", StringComparison.Ordinal)).ToList();
            foreach (var (key, stat) in rows.Except(compiled).Take(step == "background" ? 6 : 14).Concat(compiled.OrderByDescending(c => c.Value.Count).Take(5)))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"      {(double)stat.Count / instances,5:F2}×  {TimeSpan.FromTicks(stat.Ticks).TotalMilliseconds / Math.Max(1, stat.Count),7:F2} ms avg  {key.Key}"));
            }
        }
    }

    private void Add(string step, string key, TimeSpan duration)
    {
        var stat = _stats.GetOrAdd((step, key), _ => new Stat());
        Interlocked.Increment(ref stat.Count);
        Interlocked.Add(ref stat.Ticks, duration.Ticks);
    }

    private static string Shorten(string expression)
    {
        var flat = Whitespace().Replace(expression, " ");
        return flat.Length <= 160 ? flat : flat[..160] + "…";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>"SELECT t_workflow_instance" or, for a batch, its statements joined with " + ".</summary>
    private static string Classify(string sql)
    {
        var statements = StatementSplit().Split(sql).Select(s => s.Trim()).Where(s => s.Length > 0).Select(s =>
        {
            var verb = s.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries)[0].ToUpperInvariant();
            var tables = TableName().Matches(s).Select(m => m.Groups[1].Value).Distinct().ToList();
            return tables.Count > 0 ? $"{verb} {string.Join(" ⋈ ", tables)}" : verb;
        });
        var parts = statements.ToList();
        var grouped = parts.GroupBy(p => p).Select(g => g.Count() > 1 ? $"{g.Key} ×{g.Count()}" : g.Key);
        return string.Join(" + ", grouped);
    }

    [GeneratedRegex(@";\s*(?=\r?\n|$)")]
    private static partial Regex StatementSplit();

    [GeneratedRegex(@"(?:\bFROM|\bJOIN|\bINTO|^UPDATE)\s+[`""\[]?(\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();

    private sealed class Stat
    {
        public long Count;
        public long Ticks;
    }
}
