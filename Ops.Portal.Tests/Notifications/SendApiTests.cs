using Ops.Domain.Notifications;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The send API's limits and its idempotency under concurrency; in-app delivery shows each message once.</summary>
public sealed class SendApiTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Fact]
    public async Task MoreRecipientsThanTheCap_IsRefused_AndNothingIsQueued()
    {
        await using var harness = await StartAsync(DatabaseProvider.Sqlite, MessageChannel.Email);
        var addresses = Enumerable.Range(0, MessageService.MaxRecipients + 1).Select(i => $"u{i}@ops.example").ToList();

        var result = await harness.InScopeAsync(sp => sp.GetRequiredService<IMessageService>().SendAsync(Request(addresses, "bulk")));

        Assert.Equal("message.notification.recipients", result.Error!.Code);
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(0, await db.MessageLogs.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ConcurrentSendsWithOneKey_QueueEveryRecipientExactlyOnce(DatabaseProvider provider)
    {
        await using var harness = await StartAsync(provider, MessageChannel.Email);

        // Eight overlapping recipient lists under one key, sent at the same moment.
        var sends = Enumerable.Range(0, 8).Select(i => Task.Run(() => harness.InScopeAsync(sp => sp.GetRequiredService<IMessageService>()
            .SendAsync(Request(Enumerable.Range(i * 3, 6).Select(n => $"u{n}@ops.example").ToList(), "deploy-42")))));
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Code));
        await using var db = await harness.CreateDbContextAsync();
        var recipients = await db.MessageLogs.AsNoTracking().Select(m => m.Recipient).ToListAsync();
        Assert.Equal(Enumerable.Range(0, 27).Select(n => $"u{n}@ops.example").Order(), recipients.Order());
        Assert.Equal(27, results.Sum(r => r.Value));
    }

    [Fact]
    public async Task ASecondSendWithTheSameKey_QueuesOnlyTheNewRecipients()
    {
        await using var harness = await StartAsync(DatabaseProvider.Sqlite, MessageChannel.Email);
        var messages = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IMessageService>();

        Assert.Equal(2, (await messages.SendAsync(Request(["a@ops.example", "b@ops.example"], "k"))).Value);
        Assert.Equal(1, (await messages.SendAsync(Request(["a@ops.example", "b@ops.example", "c@ops.example"], "k"))).Value);
        Assert.Equal(3, (await messages.SendAsync(Request(["a@ops.example", "b@ops.example", "c@ops.example"], "other"))).Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InAppMessageDispatchedTwice_ShowsOnce_WithItsType(DatabaseProvider provider)
    {
        await using var harness = await StartAsync(provider, MessageChannel.InApp);
        var user = await harness.UserAsync("reader", null);
        harness.CurrentUser.Actor = Actor.System;
        var sp = harness.Services.CreateScope().ServiceProvider;
        await sp.GetRequiredService<IMessageService>().SendAsync(new SendRequest("t", [user.UserId!.Value], [], new Dictionary<string, string?>(), Type: NotificationType.Alert));
        await using var db = await harness.CreateDbContextAsync();
        var message = await db.MessageLogs.AsNoTracking().SingleAsync();
        var inApp = sp.GetServices<IMessageSender>().Single(s => s.Channel == MessageChannel.InApp);

        // A lease that expired mid-send lets a second dispatcher deliver the same row again.
        await inApp.SendAsync(message, CancellationToken.None);
        await inApp.SendAsync(message, CancellationToken.None);

        var shown = await db.Notifications.AsNoTracking().Where(n => n.UserId == user.UserId).ToListAsync();
        var notification = Assert.Single(shown);
        Assert.Equal(NotificationType.Alert, notification.Type);
        Assert.Equal(message.Id, notification.MessageLogId);
    }

    private static SendRequest Request(IReadOnlyCollection<string> addresses, string key) =>
        new("t", [], addresses, new Dictionary<string, string?>(), IdempotencyKey: key);

    private static async Task<InfrastructureHarness> StartAsync(DatabaseProvider provider, MessageChannel channel)
    {
        var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        await harness.InScopeAsync(sp => sp.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput("t", "t", channel, "subject", "body", null, null, [], true)));
        return harness;
    }
}
