using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>The real portal with its in-process Quartz, driven as the system: create jobs, run them, wait for outcomes.</summary>
public sealed class SchedulerHost(OpsWebFactory factory) : IAsyncDisposable
{
    public OpsWebFactory Factory { get; } = factory;

    public static async Task<SchedulerHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, TestDatabase? database = null,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Scheduler:StopPollInterval"] = "00:00:00.200" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new OpsWebFactory(provider, settings: all, database: database);
        _ = factory.CreateClient();
        return await Task.FromResult(new SchedulerHost(factory));
    }

    public async Task<T> AsSystemAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Factory.Services.CreateSystemScope();
        return await action(scope.ServiceProvider);
    }

    public Task<Result<long>> CreateAsync(JobInput input) => AsSystemAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(input));

    public async Task<long> CreateJobAsync(JobInput input)
    {
        var created = await CreateAsync(input);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    public async Task<long> RunNowAsync(long jobId, string? parameters = null)
    {
        var run = await AsSystemAsync(sp => sp.GetRequiredService<IJobRunService>().RunNowAsync(jobId, parameters));
        Assert.True(run.IsSuccess, run.Error?.ToString());
        return run.Value;
    }

    public Task<Result> StopAsync(long logId) => AsSystemAsync(sp => sp.GetRequiredService<IJobRunService>().StopAsync(logId));

    public IEventBus Events => Factory.Services.GetRequiredService<IEventBus>();

    /// <summary>Waits for the run to get there: the log is read again each time a run changes, never on a timer.</summary>
    public async Task<JobLog> WaitForAsync(long logId, TimeSpan? timeout = null, Func<JobLog, bool>? until = null)
    {
        until ??= l => l.IsFinished;
        using var signal = new BusSignal(Events).On<JobRunChanged>(e => e.LogId == logId);
        var log = await signal.UntilAsync(
            async () => (await LogsAsync()).SingleOrDefault(l => l.Id == logId),
            l => l is not null && until(l),
            l => $"run {logId} did not get there in time; last seen: {l?.Status}",
            timeout);
        return log!;
    }

    public async Task<List<JobLog>> WaitForLogsAsync(long jobId, Func<List<JobLog>, bool> until, TimeSpan timeout)
    {
        using var signal = new BusSignal(Events).On<JobRunChanged>(e => e.JobId == jobId);
        return await signal.UntilAsync(
            async () => (await LogsAsync()).Where(l => l.JobId == jobId).OrderBy(l => l.Id).ToList(),
            until,
            logs => $"job {jobId}: condition not met; runs: {string.Join(", ", logs.Select(l => $"{l.Id}:{l.Status}"))}",
            timeout);
    }

    /// <summary>Collects the live output of every run from now on; await a line with <see cref="OutputWatch.WaitForAsync"/>.</summary>
    public OutputWatch WatchOutput() => new(Events);

    public async Task<List<JobLog>> LogsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.JobLogs.AsNoTracking().OrderBy(l => l.Id).ToListAsync();
    }

    public async Task<List<Job>> JobsAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.Jobs.AsNoTracking().ToListAsync();
    }

    public static JobInput Http(string url, string name = "http job", int timeout = 10, string expected = "200-299", int retries = 0, int retryInterval = 1) =>
        new(name, null, JobType.Http, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new HttpJobConfig("GET", url, ExpectedStatus: expected)),
            RetryCount: retries, RetryIntervalSeconds: retryInterval, TimeoutSeconds: timeout);

    public static JobInput Shell(string script, string name = "shell job", int timeout = 30, string cron = "0 0 0 1 1 ? 2099",
        ConcurrencyPolicy concurrency = ConcurrencyPolicy.Forbid, bool recoverable = false) =>
        new(name, null, JobType.Shell, cron, "UTC", JobConfigJson.Serialize(new ShellJobConfig(script)), TimeoutSeconds: timeout,
            Concurrency: concurrency, Recoverable: recoverable);

    public static JobInput Python(string script, string name = "python job") =>
        new(name, null, JobType.Python, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new PythonJobConfig(script)), TimeoutSeconds: 30);

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
