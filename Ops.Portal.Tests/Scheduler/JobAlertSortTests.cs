using Ops.Domain.Scheduler;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>The alert list sorts by the time column the grid sends, both ways, and pages through equal times without repeating or losing a row.</summary>
public sealed class JobAlertSortTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly DateTimeOffset Moment = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SortingByTheTimeColumn_OrdersBothWays_AndEqualTimesKeepOnePlaceAcrossPages(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        await SeedAsync(harness);
        // The column as the grid names it (PropertyColumn a => a.CreatedAt), through the page's own mapping.
        var time = GridSorts.Column(nameof(JobAlertRow.CreatedAt));

        var oldestFirst = await ListAsync(harness, time, SortDirection.Ascending, 0, 100);
        var newestFirst = await ListAsync(harness, time, SortDirection.Descending, 0, 100);

        Assert.Equal(["early", "same", "same", "same", "same", "same", "late"], oldestFirst.Select(a => a.Title));
        Assert.Equal(["late", "same", "same", "same", "same", "same", "early"], newestFirst.Select(a => a.Title));
        // Ties follow the direction too, by id: the later of two equal times comes first when the newest do.
        Assert.Equal(newestFirst.Select(a => a.Id).Reverse(), oldestFirst.Select(a => a.Id));

        var paged = new List<JobAlertRow>();
        for (var page = 0; page < 4; page++)
        {
            paged.AddRange(await ListAsync(harness, time, SortDirection.Descending, page, 2));
        }

        Assert.Equal(newestFirst.Select(a => a.Id), paged.Select(a => a.Id));
    }

    private static async Task SeedAsync(InfrastructureHarness harness)
    {
        var job = await harness.AsSystemAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(SchedulerHost.Shell("exit 1", "alerting")));
        Assert.True(job.IsSuccess, job.Error?.ToString());
        await using var db = await harness.CreateDbContextAsync();
        var log = db.JobLogs.Add(new JobLog(job.Value, JobTriggerType.Manual, "trace", "node", null, null, null, 1, null)).Entity;
        await db.SaveChangesAsync();

        // Inserted out of time order, so insertion order cannot pass for time order.
        var at = new[] { ("same", Moment), ("late", Moment.AddMinutes(1)), ("same", Moment), ("same", Moment), ("early", Moment.AddMinutes(-1)), ("same", Moment), ("same", Moment) };
        foreach (var (title, when) in at)
        {
            db.JobAlerts.Add(new JobAlert(job.Value, log.Id, JobAlertType.Failure, title, "content", "InApp", when));
            await db.SaveChangesAsync();
        }
    }

    private static async Task<IReadOnlyList<JobAlertRow>> ListAsync(InfrastructureHarness harness, string column, SortDirection direction, int page, int size) =>
        (await harness.AsSystemAsync(sp => sp.GetRequiredService<IJobAlertService>().ListAsync(
            new JobAlertFilter(), new PageRequest { Page = page, PageSize = size, Sort = [new SortSpec(column, direction)] }))).Items;
}
