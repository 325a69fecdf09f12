using Microsoft.Extensions.Configuration;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Scheduler;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Start-up refuses clustering on SQLite with a clear message; every create, edit, run and stop is in the audit trail.</summary>
public sealed class SchedulerSafetyTests
{
    [Fact]
    public void ClusteringOnSqlite_IsRefusedAtStartUp_SayingWhy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Scheduler:Clustered"] = "true",
        }).Build();

        var refused = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddSchedulerModule(configuration, new InfrastructureHarness.TestHostEnvironment()));

        Assert.Contains("Quartz cannot run clustered on SQLite", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateEditRunAndStop_AreAudited()
    {
        await using var host = await SchedulerHost.StartAsync();
        var id = await host.CreateJobAsync(SchedulerHost.Shell("sleep 60", "audited", timeout: 120));
        var detail = await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().GetAsync(id));
        Assert.True((await host.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().UpdateAsync(id, detail.Value.Input with { Description = "edited" }, detail.Value.Version))).IsSuccess);
        var run = await host.RunNowAsync(id);
        await host.WaitForAsync(run, until: l => l.Status == JobRunStatus.Running);
        Assert.True((await host.StopAsync(run)).IsSuccess);
        await host.WaitForAsync(run);

        await using var scope = host.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var actions = await db.AuditLogs.AsNoTracking().Where(a => a.Module == "scheduler").Select(a => a.Action).ToListAsync();
        Assert.Equal(["job.create", "job.run", "job.stop", "job.update"], actions.Order(StringComparer.Ordinal));
    }
}
