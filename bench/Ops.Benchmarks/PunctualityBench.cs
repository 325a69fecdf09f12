using System.Globalization;
using MySqlConnector;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler;
using Quartz;

namespace Ops.Benchmarks;

/// <summary>
/// Cron punctuality: the portal's persistent store (SQLite, MariaDB) beside two baselines in the same process and
/// the same run: Quartz's RAMJobStore, and a raw Quartz persistent store on the same database kind (Quartz's
/// defaults, its own tables from Quartz's own schema script). Two loads: 1,000 jobs a minute (each job once a
/// minute, spread over the seconds) and 300 jobs every second. Delay = actual start − scheduled fire time; misfires
/// counted by a trigger listener, fires later than 1 s counted apart (the misfire threshold is 60 s), and fires that
/// never came by comparing with what the crons should have produced. The portal's delays are then printed as
/// ratios to both baselines.
/// </summary>
internal static partial class PunctualityBench
{
    private const string Ram = "RAMJobStore";

    private sealed record Store(string Name, string Kind, Action<IQuartzBuilder> Configure, Func<Task> Cleanup);

    public static async Task RunAsync(string? mysqlServer, TimeSpan perMinuteWindow, TimeSpan perSecondWindow)
    {
        var stores = new List<Store> { new(Ram, Ram, q => q.UseInMemoryStore(), () => Task.CompletedTask) };

        // The raw baseline keeps Quartz's defaults, so its file stays in SQLite's default journal mode; the portal's
        // store is in WAL mode, as the portal's migrator leaves its database.
        var rawFile = NewSqliteFile(wal: false);
        var portalFile = NewSqliteFile(wal: true);
        stores.Add(new("SQLite (raw Quartz)", "SQLite", q => RawQuartz(q, DatabaseProvider.Sqlite, $"Data Source={rawFile}"), () => DeleteSqlite(rawFile)));
        stores.Add(new("SQLite (portal store)", "SQLite",
            q => SchedulerModule.ConfigureQuartz(q, Options(), DatabaseProvider.Sqlite, $"Data Source={portalFile}"), () => DeleteSqlite(portalFile)));
        if (!string.IsNullOrWhiteSpace(mysqlServer))
        {
            foreach (var portal in new[] { false, true })
            {
                var schema = $"ops_bench_{Guid.NewGuid():N}"[..24];
                var connection = new MySqlConnectionStringBuilder(mysqlServer) { Database = schema }.ConnectionString;
                await ExecuteAsync(mysqlServer, $"CREATE DATABASE `{schema}` CHARACTER SET utf8mb4");
                stores.Add(portal
                    ? new("MariaDB (portal store)", "MariaDB", q => SchedulerModule.ConfigureQuartz(q, Options(), DatabaseProvider.MySql, connection), () => ExecuteAsync(mysqlServer, $"DROP DATABASE IF EXISTS `{schema}`"))
                    : new("MariaDB (raw Quartz)", "MariaDB", q => RawQuartz(q, DatabaseProvider.MySql, connection), () => ExecuteAsync(mysqlServer, $"DROP DATABASE IF EXISTS `{schema}`")));
            }
        }

        Console.WriteLine($"{"store",-24} {"load",-20} {"fires",7} {"expected",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"misfires",9} {"> 1 s",6}");
        var results = new List<(Store Store, string Load, Punctuality Figures)>();
        foreach (var store in stores)
        {
            try
            {
                if (await MeasureAsync(store.Name, "1,000 jobs/min", store.Configure, 1_000, i => $"{i % 60} * * * * ?", perMinuteWindow, second => (1_000 / 60) + (second.Second < 1_000 % 60 ? 1 : 0)) is { } perMinute)
                {
                    results.Add((store, "1,000 jobs/min", perMinute));
                }

                if (await MeasureAsync(store.Name, "300 jobs every 1 s", store.Configure, 300, _ => "* * * * * ?", perSecondWindow, _ => 300) is { } perSecond)
                {
                    results.Add((store, "300 jobs every 1 s", perSecond));
                }
            }
            finally
            {
                await store.Cleanup();
            }
        }

        PrintRatios(results);
    }

    /// <summary>A Quartz persistent store with Quartz's defaults: only the schema provisioning and the connection are set.</summary>
    private static void RawQuartz(IQuartzBuilder quartz, DatabaseProvider provider, string connection) => quartz.UsePersistentStore(store =>
    {
        store.ProvisionSchema();
        if (provider == DatabaseProvider.MySql)
        {
            store.UseMySqlConnector(connection);
        }
        else
        {
            store.UseSqlite(connection);
        }
    });

    /// <summary>Each portal figure divided by the same figure of RAMJobStore and of raw Quartz on the same database, same load.</summary>
    private static void PrintRatios(List<(Store Store, string Load, Punctuality Figures)> results)
    {
        Console.WriteLine();
        Console.WriteLine("portal store ÷ baseline (same load, same run; 1.0 = as punctual as the baseline, below 1 = better):");
        foreach (var (store, load, figures) in results.Where(r => r.Store.Name.Contains("portal", StringComparison.Ordinal)))
        {
            var ram = results.FirstOrDefault(r => r.Store.Kind == Ram && r.Load == load).Figures;
            var raw = results.FirstOrDefault(r => r.Store.Kind == store.Kind && r.Store.Name.Contains("raw", StringComparison.Ordinal) && r.Load == load).Figures;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {store.Name,-24} {load,-20} p50 {Ratio(figures, ram, f => f.P50)} of RAMJobStore, {Ratio(figures, raw, f => f.P50)} of raw Quartz; " +
                $"p99 {Ratio(figures, ram, f => f.P99)} of RAMJobStore, {Ratio(figures, raw, f => f.P99)} of raw Quartz; " +
                $"misfires {figures.Misfires} (raw {raw?.Misfires.ToString(CultureInfo.InvariantCulture) ?? "–"}), > 1 s {figures.Late} (raw {raw?.Late.ToString(CultureInfo.InvariantCulture) ?? "–"})"));
        }
    }

    // A store that fell behind has lower-bound delays: a ratio with it above is a lower bound ("≥"), below an upper
    // bound ("≤"); with both behind it bounds nothing ("?").
    private static string Ratio(Punctuality portal, Punctuality? baseline, Func<Punctuality, double> figure)
    {
        if (baseline is null || figure(baseline) <= 0)
        {
            return "×–";
        }

        var bound = (portal.Behind, baseline.Behind) switch { (true, true) => "?", (true, false) => "≥", (false, true) => "≤", _ => "" };
        return string.Create(CultureInfo.InvariantCulture, $"{bound}×{figure(portal) / figure(baseline):F2}");
    }

    // The portal's defaults unless BENCH_THREADS (Scheduler:MaxConcurrency) or BENCH_FIRE_BATCH (Scheduler:FireBatchSize) say otherwise.
    private static SchedulerOptions Options()
    {
        var options = new SchedulerOptions { Name = "bench" };
        options.MaxConcurrency = int.TryParse(Environment.GetEnvironmentVariable("BENCH_THREADS"), CultureInfo.InvariantCulture, out var threads) ? threads : options.MaxConcurrency;
        options.FireBatchSize = int.TryParse(Environment.GetEnvironmentVariable("BENCH_FIRE_BATCH"), CultureInfo.InvariantCulture, out var batch) ? batch : options.FireBatchSize;
        return options;
    }

    private static string NewSqliteFile(bool wal)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ops-bench-quartz-{Guid.NewGuid():N}.db");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = wal ? "PRAGMA journal_mode=WAL;" : "PRAGMA user_version=0;";
        pragma.ExecuteNonQuery();
        return file;
    }

    private static Task DeleteSqlite(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var leftover in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(leftover);
        }

        return Task.CompletedTask;
    }

    private static async Task ExecuteAsync(string server, string statement)
    {
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = statement;
        await command.ExecuteNonQueryAsync();
    }
}
