using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Notifications;

public sealed class NotificationServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly InAppMessage Hello = new(NotificationType.Task, NotificationLevel.Warning, "任务失败", "夜间备份失败", "/scheduler/jobs");

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Send_StoresAndAnnounces_EachRecipientReadsOnlyTheirOwn(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var alice = await harness.UserAsync("alice");
        var bob = await harness.UserAsync("bob");
        var heard = new List<NotificationArrived>();
        using var subscription = harness.Services.GetRequiredService<IEventBus>().Subscribe<NotificationArrived>(e => { heard.Add(e); return Task.CompletedTask; });

        harness.CurrentUser.Actor = Actor.System;
        Assert.Equal(2, (await Service(harness).SendAsync(Hello, [alice.UserId!.Value, bob.UserId!.Value, alice.UserId.Value])).Value);
        Assert.Equal([alice.UserId.Value, bob.UserId.Value], heard.Select(h => h.UserId).Order());

        harness.CurrentUser.Actor = alice;
        var mine = await Service(harness).ListAsync(new NotificationFilter(), new PageRequest());
        Assert.Equal(1, await Service(harness).UnreadCountAsync());
        var bobsId = heard.Single(h => h.UserId == bob.UserId).Notification.Id;
        Assert.Equal(0, await Service(harness).MarkReadAsync([bobsId]));
        Assert.Equal(1, await Service(harness).MarkReadAsync([mine.Items.Single().Id]));
        Assert.Equal(0, await Service(harness).UnreadCountAsync());
        Assert.Equal(0, await Service(harness).DeleteAsync([bobsId]));

        harness.CurrentUser.Actor = bob;
        Assert.Equal(1, await Service(harness).UnreadCountAsync());
        Assert.Equal(1, await Service(harness).MarkAllReadAsync());
        Assert.Equal(1, await Service(harness).DeleteAsync([bobsId]));
        Assert.Empty((await Service(harness).ListAsync(new NotificationFilter(), new PageRequest())).Items);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Send_IsRecordedInTheMessageLog_WithTheRecipientsName(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var alice = await harness.UserAsync("alice.log");
        var bob = await harness.UserAsync("bob.log");
        harness.CurrentUser.Actor = Actor.System;
        Assert.Equal(2, (await Service(harness).SendAsync(Hello, [alice.UserId!.Value, bob.UserId!.Value])).Value);

        var logs = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IMessageLogService>();
        var all = await logs.QueryAsync(new MessageLogFilter(Channel: MessageChannel.InApp), new PageRequest());
        Assert.Equal(["alice.log", "bob.log"], all.Items.Select(r => r.RecipientName).Order());
        Assert.All(all.Items, r => Assert.Equal((MessageStatus.Sent, "任务失败", 1), (r.Status, r.Subject, r.Attempts)));
        Assert.Equal(alice.UserId.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), all.Items.Single(r => r.RecipientName == "alice.log").Recipient);

        // The log shows names, so a name is what people search for.
        var found = await logs.QueryAsync(new MessageLogFilter(Recipient: "alice"), new PageRequest());
        Assert.Equal(["alice.log"], found.Items.Select(r => r.RecipientName));
        var detail = await logs.GetAsync(found.Items.Single().Id);
        Assert.Equal(("alice.log", "夜间备份失败"), (detail.Value.Row.RecipientName, detail.Value.Content));

        // Each notification is the one its log row records.
        await using var db = await harness.CreateDbContextAsync();
        var linked = await db.Notifications.Where(n => n.UserId == alice.UserId).Select(n => n.MessageLogId).SingleAsync();
        Assert.Equal(found.Items.Single().Id, linked);
    }

    [Fact]
    public async Task BadInput_AndCallersWithoutThePermission_AreRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var alice = await harness.UserAsync("alice");
        harness.CurrentUser.Actor = alice;
        await Assert.ThrowsAsync<ForbiddenException>(() => Service(harness).SendAsync(Hello, [alice.UserId!.Value]));

        harness.CurrentUser.Actor = Actor.System;
        Assert.Equal("common.required", (await Service(harness).SendAsync(Hello with { Title = " " }, [alice.UserId!.Value])).Error!.Code);
        Assert.Equal("message.notification.link_invalid", (await Service(harness).SendAsync(Hello with { Link = "https://evil.example" }, [alice.UserId.Value])).Error!.Code);
        Assert.Equal("message.notification.recipients", (await Service(harness).SendAsync(Hello, [])).Error!.Code);
    }

    private static INotificationService Service(InfrastructureHarness harness) =>
        harness.Services.CreateScope().ServiceProvider.GetRequiredService<INotificationService>();
}
