using Ops.Domain.Auth;
using Ops.Domain.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The blacklist and per-user settings suppress exactly what they should, and say so in the log.</summary>
public sealed class SuppressionTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BlacklistAndSettings_BlockExactlyTheirTargets(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var sp = harness.Services.CreateScope().ServiceProvider;
        await sp.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput("t", "t", MessageChannel.Email, "s", "body", null, null, [], true));
        var ids = new Dictionary<string, long>();
        foreach (var name in new[] { "blocked.user", "opted.out", "plain" })
        {
            var created = await sp.GetRequiredService<IUserService>().CreateAsync(new UserInput(name, null, $"{name}@ops.example", null, null, [], null, [], true, false, false, false), null);
            ids[name] = created.Value.Id;
        }

        var blacklist = sp.GetRequiredService<IBlacklistService>();
        Assert.True((await blacklist.AddAsync(new BlacklistInput(MessageChannel.Email, null, ids["blocked.user"], "left the company", null))).IsSuccess);
        Assert.True((await blacklist.AddAsync(new BlacklistInput(MessageChannel.Email, "outsider@ops.example", null, "bounces", null))).IsSuccess);
        Assert.True((await blacklist.AddAsync(new BlacklistInput(MessageChannel.Sms, "returning@ops.example", null, "other channel", null))).IsSuccess);
        Assert.Equal("message.blacklist.address_or_user", (await blacklist.AddAsync(new BlacklistInput(MessageChannel.Email, null, null, "x", null))).Error!.Code);

        harness.CurrentUser.Actor = new Actor(ids["opted.out"], "opted.out", true, false);
        await harness.Services.CreateScope().ServiceProvider.GetRequiredService<INotificationSettingsService>().SetAsync(NotificationType.Alert, MessageChannel.Email, false);
        harness.CurrentUser.Actor = Actor.System;

        var messages = sp.GetRequiredService<IMessageService>();
        var alert = await messages.SendAsync(new SendRequest("t", ids.Values.ToList(), ["outsider@ops.example", "returning@ops.example"], new Dictionary<string, string?>(), Type: NotificationType.Alert));
        var system = await messages.SendAsync(new SendRequest("t", [ids["opted.out"]], [], new Dictionary<string, string?>(), Type: NotificationType.System));

        Assert.Equal(2, alert.Value);
        Assert.Equal(1, system.Value);
        await using var db = await harness.CreateDbContextAsync();
        var logs = await db.MessageLogs.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        string StatusOf(string address, int skip = 0) => logs.Where(m => m.Recipient == address).Skip(skip).First().Status.ToString();
        Assert.Equal("Blocked", StatusOf("blocked.user@ops.example"));
        Assert.Equal("Blocked", StatusOf("opted.out@ops.example"));
        Assert.Equal("Pending", StatusOf("opted.out@ops.example", skip: 1));
        Assert.Equal("Pending", StatusOf("plain@ops.example"));
        Assert.Equal("Blocked", StatusOf("outsider@ops.example"));
        Assert.Equal("Pending", StatusOf("returning@ops.example"));
        Assert.Contains("left the company", logs.First(m => m.Recipient == "blocked.user@ops.example").LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpiredEntries_NoLongerBlock()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var sp = harness.Services.CreateScope().ServiceProvider;
        await sp.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput("t", "t", MessageChannel.Email, "s", "body", null, null, [], true));
        await sp.GetRequiredService<IBlacklistService>().AddAsync(new BlacklistInput(MessageChannel.Email, "temp@ops.example", null, "on leave", harness.Clock.Now.AddDays(1)));

        Assert.Equal(0, (await sp.GetRequiredService<IMessageService>().SendAsync(new SendRequest("t", [], ["temp@ops.example"], new Dictionary<string, string?>()))).Value);
        harness.Clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(1, (await sp.GetRequiredService<IMessageService>().SendAsync(new SendRequest("t", [], ["temp@ops.example"], new Dictionary<string, string?>(), IdempotencyKey: "after"))).Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAddressBlacklistedInAnotherCase_StillBlocks_AndOtherEntriesDoNot(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var sp = harness.Services.CreateScope().ServiceProvider;
        await sp.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput("t", "t", MessageChannel.Email, "s", "body", null, null, [], true));
        var blacklist = sp.GetRequiredService<IBlacklistService>();
        await blacklist.AddAsync(new BlacklistInput(MessageChannel.Email, "Shouting@OPS.example", null, "asked us to stop", null));
        await blacklist.AddAsync(new BlacklistInput(MessageChannel.Email, "someone.else@ops.example", null, "bounces", null));

        // Only entries that can match the targets are read; the case of the address does not matter.
        var sent = await sp.GetRequiredService<IMessageService>().SendAsync(
            new SendRequest("t", [], ["shouting@ops.example", "quiet@ops.example"], new Dictionary<string, string?>()));

        Assert.Equal(1, sent.Value);
        await using var db = await harness.CreateDbContextAsync();
        var statuses = await db.MessageLogs.AsNoTracking().ToDictionaryAsync(m => m.Recipient, m => m.Status);
        Assert.Equal(MessageStatus.Blocked, statuses["shouting@ops.example"]);
        Assert.Equal(MessageStatus.Pending, statuses["quiet@ops.example"]);
    }
}
