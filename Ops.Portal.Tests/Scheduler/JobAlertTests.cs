using Ops.Domain.Auth;
using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Failures, timeouts and thresholds raise alerts that reach people through the notification center; people acknowledge and resolve them.</summary>
public sealed class JobAlertTests
{
    [Fact]
    public async Task AFailedRun_RaisesAnAlert_DeliveredInApp_ThenAcknowledgedAndResolved()
    {
        await using var host = await SchedulerHost.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.200" });
        var admin = await AdminIdAsync(host);
        var job = await host.CreateJobAsync(SchedulerHost.Shell("echo disk full >&2; exit 1", "nightly backup") with
        {
            AlertOnFailure = true, AlertAfterFailures = 2, AlertChannels = [MessageChannel.InApp], AlertRecipients = [admin],
        });

        await host.WaitForAsync(await host.RunNowAsync(job));
        await host.WaitForAsync(await host.RunNowAsync(job));

        var alerts = await WaitForAlertsAsync(host, 3);
        Assert.Equal(2, alerts.Count(a => a.Type == JobAlertType.Failure));
        var threshold = Assert.Single(alerts, a => a.Type == JobAlertType.Threshold);
        Assert.Contains("2 failed runs in a row", threshold.Content, StringComparison.Ordinal);
        Assert.All(alerts, a => Assert.Equal(JobAlertStatus.Sent, a.Status));

        var inbox = await WaitForNotificationsAsync(host, admin, 3);
        Assert.All(inbox, n => Assert.Equal(NotificationType.Alert, n.Type));
        Assert.Contains(inbox, n => n.Content.Contains("nightly backup", StringComparison.Ordinal) && n.Content.Contains("Exit code 1", StringComparison.Ordinal));

        await using var scope = host.Factory.Services.CreateScopeAs(new Actor(admin, "admin", true, false));
        var service = scope.ServiceProvider.GetRequiredService<IJobAlertService>();
        Assert.True((await service.AcknowledgeAsync(threshold.Id, "looking into it")).IsSuccess);
        Assert.Equal("scheduler.alert.already_handled", (await service.AcknowledgeAsync(threshold.Id, "again")).Error!.Code);
        Assert.True((await service.ResolveAsync(threshold.Id, "disk cleaned")).IsSuccess);
        var row = (await service.ListAsync(new JobAlertFilter(JobId: job), new PageRequest())).Items.Single(a => a.Id == threshold.Id);
        Assert.Equal(JobAlertStatus.Resolved, row.Status);
        Assert.Equal("disk cleaned", row.Comment);
        Assert.Equal("nightly backup", row.JobName);
        Assert.NotNull(row.AcknowledgedBy);
    }

    [Fact]
    public async Task AnAlertNotice_LeadsToTheRunThatRaisedIt_AtErrorLevel()
    {
        await using var host = await SchedulerHost.StartAsync(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.200" });
        var admin = await AdminIdAsync(host);
        var job = await host.CreateJobAsync(SchedulerHost.Shell("exit 3", "failing export") with
        {
            AlertOnFailure = true, AlertChannels = [MessageChannel.InApp], AlertRecipients = [admin],
        });

        var run = await host.RunNowAsync(job);
        await host.WaitForAsync(run);

        var notice = Assert.Single(await WaitForNotificationsAsync(host, admin, 1));
        Assert.Equal(($"/scheduler/runs/{run}", NotificationLevel.Error), (notice.Link, notice.Level));
    }

    private static async Task<long> AdminIdAsync(SchedulerHost host)
    {
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<JobAlert>> WaitForAlertsAsync(SchedulerHost host, int count)
    {
        for (var i = 0; ; i++)
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            var alerts = await db.JobAlerts.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
            if ((alerts.Count >= count && alerts.All(a => a.Status != JobAlertStatus.Pending)) || i > 100)
            {
                return alerts;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<List<Notification>> WaitForNotificationsAsync(SchedulerHost host, long userId, int count)
    {
        for (var i = 0; ; i++)
        {
            await using var scope = host.Factory.Services.CreateAsyncScope();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            var rows = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).ToListAsync();
            Assert.True(i < 150, $"only {rows.Count} notifications arrived");
            if (rows.Count >= count)
            {
                return rows;
            }

            await Task.Delay(100);
        }
    }
}
