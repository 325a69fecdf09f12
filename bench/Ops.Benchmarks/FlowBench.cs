using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MySqlConnector;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Scheduler.Execution;

namespace Ops.Benchmarks;

/// <summary>
/// Flow engine overhead per node: the real portal with every executor replaced by a no-op, so what is
/// timed is the engine (decisions, node states, run logs, events), not the jobs. A 1,000-node chain and a
/// 1,000-wide fan-out, on SQLite and optionally MariaDB; time from "run" to "instance finished" / nodes.
/// </summary>
internal static class FlowBench
{
    public static async Task RunAsync(string? mysqlServer, int nodes)
    {
        Console.WriteLine($"{"database",-10} {"shape",-22} {"nodes",6} {"total s",8} {"ms/node",8}");
        await MeasureAsync("SQLite", null, nodes);
        if (!string.IsNullOrWhiteSpace(mysqlServer))
        {
            var schema = $"ops_flowbench_{Guid.NewGuid():N}"[..24];
            try
            {
                await MeasureAsync("MariaDB", new MySqlConnectionStringBuilder(mysqlServer) { Database = schema }.ConnectionString, nodes);
            }
            finally
            {
                await using var connection = new MySqlConnection(mysqlServer);
                await connection.OpenAsync();
                await using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS `{schema}`";
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task MeasureAsync(string database, string? mysql, int count)
    {
        var settings = new Dictionary<string, string?> { ["Scheduler:MaxConcurrency"] = "64" };
        if (mysql is not null)
        {
            settings["Database:Provider"] = "MySql";
            settings["ConnectionStrings:Ops"] = mysql;
        }

        var (app, _, cleanup) = await PortalBenchHost.StartAsync("flow bench passphrase", settings, services =>
        {
            services.RemoveAll<IJobExecutor>();
            services.AddScoped<IJobExecutor, NoopExecutor>();
        });
        try
        {
            long job;
            await using (var scope = app.Services.CreateSystemScope())
            {
                job = (await scope.ServiceProvider.GetRequiredService<IJobService>().CreateAsync(new JobInput(
                    "noop", null, JobType.Shell, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new ShellJobConfig("true")), Concurrency: ConcurrencyPolicy.Allow))).Value;
            }

            var keys = Enumerable.Range(0, count).Select(i => $"n{i.ToString(CultureInfo.InvariantCulture)}").ToList();
            var chain = keys.Zip(keys.Skip(1), (from, to) => new FlowEdgeInput(from, to)).ToList();
            var fanOut = keys.Skip(1).Select(k => new FlowEdgeInput(keys[0], k)).ToList();
            foreach (var (shape, edges) in new[] { ($"chain of {count}", chain), ($"fan-out of {count - 1}", fanOut) })
            {
                await using var scope = app.Services.CreateSystemScope();
                var input = new FlowInput(shape, null, null, "UTC", true, null, JobFlow.MaxParallelLimit, keys.Select(k => new FlowNodeInput(k, job, 0, 0)).ToList(), edges);
                var flow = await scope.ServiceProvider.GetRequiredService<IJobFlowService>().CreateAsync(input);
                var runs = scope.ServiceProvider.GetRequiredService<IFlowRunService>();
                var clock = Stopwatch.StartNew();
                var instance = (await runs.RunNowAsync(flow.Value)).Value;
                FlowStatus status;
                while ((status = (await runs.InstancesAsync(new FlowInstanceFilter(flow.Value), new Ops.Domain.Common.PageRequest())).Items.Single().Status) is FlowStatus.Running or FlowStatus.Pending)
                {
                    await Task.Delay(50);
                }

                clock.Stop();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{database,-10} {shape,-22} {count,6} {clock.Elapsed.TotalSeconds,8:F2} {clock.Elapsed.TotalMilliseconds / count,8:F2}  ({status}, instance {instance})"));
            }
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>Every job type does nothing and succeeds at once.</summary>
    private sealed class NoopExecutor : IJobExecutor
    {
        public JobType Type => JobType.Shell;

        public Task<ExecutionResult> ExecuteAsync(JobExecution execution, CancellationToken cancellationToken) => Task.FromResult(ExecutionResult.Ok(null));
    }
}
