using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Benchmarks;

/// <summary>
/// The baseline of the approvals bench: the same three transitions as plain ADO.NET on the same database, same
/// parallelism, one transaction each, writing the essential rows of the same tables: start = the instance, its
/// Submit record and task 1; approve A = read the instance's version, task 1 approved, its record, task 2, the
/// instance moved on under its version; approve B = the same, the instance Approved. Rows are copies of a row the
/// portal wrote in the measured run (same columns, same widths), so only the layers differ: no engine, no EF, no
/// notices, no organisation look-ups.
/// </summary>
internal static partial class ApprovalBench
{
    private static async Task<double> PlainSqlAsync(IServiceProvider services, long templateId, int count, int parallel)
    {
        string connectionString;
        await using (var scope = services.CreateSystemScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync())
        {
            connectionString = db.Database.GetConnectionString()!;
        }

        var mysql = !connectionString.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) || connectionString.Contains("Server=", StringComparison.OrdinalIgnoreCase);
        PlainTemplate template;
        await using (var connection = await OpenAsync(connectionString, mysql))
        {
            template = await PlainTemplate.ReadAsync(connection, templateId);
        }

        // Warm-up (JIT, pools), then the measured run.
        await PlainRunAsync(connectionString, mysql, template, Math.Min(count, 300), parallel);
        var cpu = CpuTime.Take();
        var clock = Stopwatch.StartNew();
        var errors = await PlainRunAsync(connectionString, mysql, template, count, parallel);
        clock.Stop();
        var used = CpuTime.Take() - cpu;
        var rate = 3 * count / clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  plain SQL baseline: {3 * count:N0} transitions in {clock.Elapsed.TotalSeconds:F2} s = {rate:N0} transitions/s, {errors} errors; CPU per transition: bench process {used.Process.TotalMilliseconds / (3 * count):F2} ms{(used.Database is { } d && mysql ? $", local mariadbd {d.TotalMilliseconds / (3 * count):F2} ms" : "")}"));
        return rate;
    }

    private static async Task<int> PlainRunAsync(string connectionString, bool mysql, PlainTemplate template, int count, int parallel)
    {
        var next = -1;
        var errors = 0;
        var workers = Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < count)
            {
                try
                {
                    var id = await InTransactionAsync(connectionString, mysql, template.StartAsync);
                    await InTransactionAsync(connectionString, mysql, (c, t) => template.ApproveAsync(c, t, id, 1));
                    await InTransactionAsync(connectionString, mysql, (c, t) => template.ApproveAsync(c, t, id, 2));
                }
                catch (DbException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        return errors;
    }

    private static async Task<long> InTransactionAsync(string connectionString, bool mysql, Func<DbConnection, DbTransaction, Task<long>> work)
    {
        await using var connection = await OpenAsync(connectionString, mysql);
        await using var transaction = await connection.BeginTransactionAsync();
        var result = await work(connection, transaction);
        await transaction.CommitAsync();
        return result;
    }

    private static async Task<DbConnection> OpenAsync(string connectionString, bool mysql)
    {
        DbConnection connection = mysql ? new MySqlConnection(connectionString) : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        if (!mysql)
        {
            // The portal's pragmas on every SQLite connection: a commit does not wait for the disk in WAL mode, a writer waits for another.
            await using var pragmas = connection.CreateCommand();
            pragmas.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";
            await pragmas.ExecuteNonQueryAsync();
        }

        return connection;
    }
}
