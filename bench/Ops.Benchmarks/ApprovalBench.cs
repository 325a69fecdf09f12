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

/// <summary>
/// Approval transitions per second: the real portal (hosted services on, as the product runs) on a fresh
/// database; N applications of a two-step process (start → A (u1) → B (u2) → end), P at a time, each one
/// started and submitted by the applicant, approved by u1, approved by u2, every call in a scope acting as
/// its user. Transitions/s = 3 N / wall time; p50 / p99 per step; records and final states checked.
/// Two phases per database, each on a fresh portal: notifications on (the product) and off (the message
/// service replaced by a no-op, everything else the same). Every EF command is counted per step. After each phase,
/// on the same database, the same transitions as plain SQL (ApprovalBench.PlainSql.cs) give the ratio.
/// </summary>
internal static partial class ApprovalBench
{
    private const string Code = "bench_purchase";
    private static readonly string[] Steps = ["start", "approve A", "approve B"];

    public static async Task RunAsync(string? mysqlServer, int instances, int parallel)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"approvals: {instances:N0} instances × 3 transitions, {parallel} workers, {Environment.ProcessorCount} cores"));
        using var sql = SqlCounter.Start();

        // BENCH_NOTIFICATIONS=on|off limits the phases; BENCH_ONLY=sqlite|mysql the databases.
        var phases = Environment.GetEnvironmentVariable("BENCH_NOTIFICATIONS") switch
        {
            "on" => new[] { true },
            "off" => [false],
            _ => [true, false],
        };
        var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
        foreach (var notifications in only == "mysql" ? [] : phases)
        {
            await MeasureAsync("SQLite", null, instances, parallel, notifications, sql);
        }

        if (!string.IsNullOrWhiteSpace(mysqlServer) && only != "sqlite")
        {
            foreach (var notifications in phases)
            {
                var schema = $"ops_apprbench_{Guid.NewGuid():N}"[..24];
                try
                {
                    await MeasureAsync("MariaDB", new MySqlConnectionStringBuilder(mysqlServer) { Database = schema }.ConnectionString, instances, parallel, notifications, sql);
                }
                finally
                {
                    await DropAsync(mysqlServer, schema);
                }
            }
        }
    }

    private static async Task MeasureAsync(string database, string? mysql, int count, int parallel, bool notifications, SqlCounter sql)
    {
        var settings = new Dictionary<string, string?>();
        if (mysql is not null)
        {
            settings["Database:Provider"] = "MySql";
            settings["ConnectionStrings:Ops"] = mysql;
        }

        var (app, _, cleanup) = await PortalBenchHost.StartAsync("approval bench passphrase", settings, services =>
        {
            if (Environment.GetEnvironmentVariable("BENCH_OUTBOX") == "off")
            {
                // Transitions alone: the notices are queued with each action but neither outbox delivers them
                // (no approval outbox dispatcher, no message outbox dispatcher in this process).
                foreach (var dispatcher in services.Where(d => d.ServiceType == typeof(Microsoft.Extensions.Hosting.IHostedService)
                    && d.ImplementationFactory?.Method.DeclaringType?.FullName?.Contains("OutboxServiceCollectionExtensions", StringComparison.Ordinal) == true).ToList())
                {
                    services.Remove(dispatcher);
                }
            }

            services.RemoveAll<IMessageService>();
            if (notifications)
            {
                // The real message service, timed per step (wall time inside SendAsync).
                services.AddScoped<Ops.Infrastructure.Notifications.MessageService>();
                services.AddScoped<IMessageService, TimedMessages>();
            }
            else
            {
                services.AddScoped<IMessageService, NoMessages>();
            }
        });
        try
        {
            var services = app.Services;
            var (applicant, u1, u2) = await SeedAsync(services);

            // Warm-up: pools, the notice templates created on first use, and the JIT: a portal that has run for a
            // while runs fully optimised (tier-1) code, which takes some thousand calls per method to reach.
            // BENCH_WARMUP (instances, default 1,500) sets its length.
            var warmup = int.TryParse(Environment.GetEnvironmentVariable("BENCH_WARMUP"), CultureInfo.InvariantCulture, out var w) ? w : 1500;
            await RunAsync(services, applicant, u1, u2, Math.Max(warmup, 24), parallel, null);
            if (Environment.GetEnvironmentVariable("BENCH_OUTBOX") != "off")
            {
                await WaitForOutboxAsync(services);
            }

            // The JIT compiles the hot methods' optimised code in the background, behind the warm-up's own work:
            // a quiet moment lets it finish, as it long has in a portal that has been running.
            await Task.Delay(TimeSpan.FromSeconds(5));
            long firstMeasured;
            await using (var scope = services.CreateSystemScope())
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync())
            {
                firstMeasured = await db.ApprovalInstances.MaxAsync(i => i.Id) + 1;
            }

            sql.Reset();
            TimedMessages.Reset();
            var exceptions = new ConcurrentDictionary<string, int>();
            void OnException(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs e) =>
                exceptions.AddOrUpdate($"{e.Exception.GetType().Name} in {SqlCounter.Step.Value ?? "background"}: {Shorten(e.Exception.Message)}", 1, (_, n) => n + 1);
            AppDomain.CurrentDomain.FirstChanceException += OnException;
            var allocated = GC.GetTotalAllocatedBytes();
            var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
            var diskTables = await DiskTemporaryTablesAsync(mysql);
            var cpu = CpuTime.Take();
            var run = await RunAsync(services, applicant, u1, u2, count, parallel, sql);
            var used = CpuTime.Take() - cpu;
            diskTables = await DiskTemporaryTablesAsync(mysql) - diskTables;
            AppDomain.CurrentDomain.FirstChanceException -= OnException;
            var gcs = Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collections[g]).ToArray();
            allocated = GC.GetTotalAllocatedBytes() - allocated;
            var label = notifications ? "notifications on" : "notifications off";
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{database}, {label}: {3 * count:N0} transitions in {run.Elapsed.TotalSeconds:F2} s = {3 * count / run.Elapsed.TotalSeconds:N0} transitions/s ({count / run.Elapsed.TotalSeconds:N0} instances/s), {run.Errors.Count} errors"));
            var busy = run.Latencies.Sum(l => l.Sum()) / run.Elapsed.TotalMilliseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  CPU per transition: bench process {used.Process.TotalMilliseconds / (3 * count):F2} ms{(used.Database is { } d && mysql is not null ? $", local mariadbd {d.TotalMilliseconds / (3 * count):F2} ms" : "")}; calls in flight on average {busy:F1} of {parallel}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  allocated {allocated / 1024.0 / (3 * count):F0} KiB per transition; GCs gen0 {gcs[0]}, gen1 {gcs[1]}, gen2 {gcs[2]}; first-chance exceptions {exceptions.Values.Sum() / (3.0 * count):F2} per transition{(mysql is null ? "" : $"; on-disk temporary tables (whole server) {diskTables / (3.0 * count):F2} per transition")}"));
            foreach (var (what, n) in exceptions.OrderByDescending(e => e.Value).Take(5))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {n / (3.0 * count),5:F2}×  {what}"));
            }

            for (var s = 0; s < Steps.Length; s++)
            {
                var samples = run.Latencies[s];
                var mean = samples.Count == 0 ? 0 : samples.Average();
                samples.Sort();
                var messages = TimedMessages.MillisecondsIn(Steps[s]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {Steps[s],-10} p50 {Percentile(samples, 0.50),7:F1} ms   p99 {Percentile(samples, 0.99),7:F1} ms   max {samples[^1],7:F1} ms   mean {mean,7:F1} ms{(notifications ? $", of which in IMessageService.SendAsync {messages / Math.Max(1, samples.Count),6:F1} ms" : "")}"));
            }

            foreach (var error in run.Errors.Take(5))
            {
                Console.WriteLine($"  error: {error}");
            }

            await VerifyAsync(services, firstMeasured, count);
            if (notifications && Environment.GetEnvironmentVariable("BENCH_OUTBOX") != "off")
            {
                await DrainAsync(services, run.Elapsed);
            }

            // After the drain, so "background" holds the whole delivery of the measured notices (both outboxes).
            sql.Print(count);
            if (notifications && Environment.GetEnvironmentVariable("BENCH_OUTBOX") == "off")
            {
                await NoticeBatchesAsync(services, firstMeasured, sql);
            }

            // The same run's baseline: the same transitions as plain SQL on this database, same parallelism.
            var plain = await PlainSqlAsync(services, firstMeasured, count, parallel);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  portal ÷ plain SQL: {3 * count / run.Elapsed.TotalSeconds / plain:F2} of the baseline's transitions/s ({database}, {label})"));
        }
        finally
        {
            await cleanup();
        }
    }

    private sealed record Run(TimeSpan Elapsed, List<double>[] Latencies, ConcurrentQueue<string> Errors);

    private static async Task<Run> RunAsync(IServiceProvider services, Actor applicant, Actor u1, Actor u2, int count, int parallel, SqlCounter? sql)
    {
        var next = -1;
        var errors = new ConcurrentQueue<string>();
        var perWorker = new List<List<double>[]>();
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallel).Select(_ =>
        {
            var local = new[] { new List<double>(), new List<double>(), new List<double>() };
            lock (perWorker)
            {
                perWorker.Add(local);
            }

            return Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < count)
                {
                    var application = new ApprovalApplication(
                        string.Create(CultureInfo.InvariantCulture, $"Purchase {i}"),
                        new Dictionary<string, JsonElement>
                        {
                            ["amount"] = JsonSerializer.SerializeToElement(100.25m + (i % 1000)),
                            ["reason"] = JsonSerializer.SerializeToElement("benchmark purchase"),
                        });
                    var id = await StepAsync(0, applicant, async approvals =>
                    {
                        var started = await approvals.StartAsync(new StartApproval(Code, application));
                        return started.IsSuccess ? Result.Success(started.Value) : started.Error!;
                    });
                    if (id is null)
                    {
                        continue;
                    }

                    if (await StepAsync(1, u1, async approvals => ToLong(await approvals.ApproveAsync(new TaskRef(id.Value, 1), "ok"))) is null)
                    {
                        continue;
                    }

                    await StepAsync(2, u2, async approvals => ToLong(await approvals.ApproveAsync(new TaskRef(id.Value, 2), "ok")));
                }

                async Task<long?> StepAsync(int step, Actor actor, Func<IApprovalService, Task<Result<long>>> call)
                {
                    SqlCounter.Step.Value = sql is null ? null : Steps[step];
                    var started = Stopwatch.GetTimestamp();
                    Result<long> result;
                    await using (var scope = services.CreateScopeAs(actor))
                    {
                        result = await call(scope.ServiceProvider.GetRequiredService<IApprovalService>());
                    }

                    local[step].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    SqlCounter.Step.Value = null;
                    if (result.IsFailure)
                    {
                        errors.Enqueue($"{Steps[step]}: {result.Error}");
                        return null;
                    }

                    return result.Value;
                }
            });
        }).ToList();
        await Task.WhenAll(workers);
        clock.Stop();
        var latencies = Enumerable.Range(0, 3).Select(s => perWorker.SelectMany(w => w[s]).ToList()).ToArray();
        return new Run(clock.Elapsed, latencies, errors);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private static Result<long> ToLong(Result result) => result.IsSuccess ? Result.Success(0L) : result.Error!;

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(sorted.Count * p) - 1, 0, sorted.Count - 1)];
}
