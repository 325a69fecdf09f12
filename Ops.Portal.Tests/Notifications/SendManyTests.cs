using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>
/// Sending many requests at once: each gets what a send of its own would give (rendering, languages, blacklist,
/// opt-outs, inactive users, refusals), in a number of statements that does not grow with the requests.
/// </summary>
public sealed class SendManyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendMany_GivesEveryRequestWhatItsOwnSendGives(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var people = await OrganisationAsync(harness);
        var requests = Requests(people);

        var one = new List<Result<int>>();
        for (var i = 0; i < requests.Count; i++)
        {
            one.Add(await harness.InScopeAsync(sp => sp.GetRequiredService<IMessageService>().SendAsync(requests[i] with { IdempotencyKey = $"one-{i}" })));
        }

        var many = await harness.InScopeAsync(sp => sp.GetRequiredService<IMessageService>()
            .SendManyAsync(requests.Select((r, i) => r with { IdempotencyKey = $"many-{i}" }).ToList()));

        Assert.Equal(requests.Count, many.Count);
        Assert.Equal(one.Select(Outcome), many.Select(Outcome));
        Assert.Contains("message.template.not_found", many.Select(Outcome));
        Assert.Contains("message.send.no_recipients", many.Select(Outcome));
        Assert.Contains("message.notification.link_invalid", many.Select(Outcome));
        await using var db = await harness.CreateDbContextAsync();
        var logs = await db.MessageLogs.AsNoTracking().ToListAsync();
        for (var i = 0; i < requests.Count; i++)
        {
            Assert.Equal(Rows(logs, $"one-{i}"), Rows(logs, $"many-{i}"));
        }

        // The cases the comparison is about are really there: both languages, blocked for each reason, never to the inactive.
        var sent = logs.Where(m => m.IdempotencyKey!.StartsWith("many-", StringComparison.Ordinal)).ToList();
        Assert.Contains(sent, m => m.Subject == "To approve: Server" && m.UserId == people["english"]);
        Assert.Contains(sent, m => m.Subject == "待审批：Server" && m.UserId == people["plain"]);
        Assert.Contains(sent, m => m.UserId == people["blocked"] && m.Status == MessageStatus.Blocked && m.LastError!.Contains("left", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.UserId == people["opted.out"] && m.Status == MessageStatus.Blocked && m.Channel == MessageChannel.InApp);
        Assert.Contains(sent, m => m.UserId == people["opted.out"] && m.Status == MessageStatus.Pending && m.Channel == MessageChannel.Email);
        Assert.DoesNotContain(sent, m => m.UserId == people["inactive"]);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendMany_OfManyRequests_TakesTheStatementsOfOne(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var people = await OrganisationAsync(harness);
        var users = new List<long>();
        for (var i = 0; i < 40; i++)
        {
            users.Add((await harness.UserAsync($"member{i}")).UserId!.Value);
        }

        // 80 requests on two templates and two channels, each to its own user.
        var requests = users.SelectMany((u, i) => new[]
        {
            new SendRequest("inapp", [u], [], Variables, IdempotencyKey: $"k{i}", Type: NotificationType.Approval),
            new SendRequest("mail", [u, people["plain"]], [], Variables, IdempotencyKey: $"k{i}", Type: NotificationType.Approval),
        }).ToList();

        IReadOnlyList<Result<int>> results;
        using (var sql = await SqlCommandLog.StartAsync(harness))
        {
            results = await harness.InScopeAsync(sp => sp.GetRequiredService<IMessageService>().SendManyAsync(requests));

            // Templates, users, blacklist, settings, keys already queued: five reads, one save, whatever the count.
            Assert.InRange(sql.Reads, 1, 5);
            Assert.InRange(sql.Transactions, 0, 1);
        }

        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Code));
        await using var db = await harness.CreateDbContextAsync();
        // In-app to each member; by mail to "plain" under each key (the members have no address, as a send of its own finds).
        Assert.Equal(40, await db.MessageLogs.CountAsync(m => m.Channel == MessageChannel.InApp));
        Assert.Equal(40, await db.MessageLogs.CountAsync(m => m.Channel == MessageChannel.Email && m.UserId == people["plain"]));
    }

    [Fact]
    public async Task SendMany_WithOneKeyTwice_QueuesTheSecondRequestsNewRecipientsOnly()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var people = await OrganisationAsync(harness);

        var results = await harness.InScopeAsync(sp => sp.GetRequiredService<IMessageService>().SendManyAsync(
        [
            new SendRequest("inapp", [people["plain"]], [], Variables, IdempotencyKey: "same"),
            new SendRequest("inapp", [people["plain"], people["english"]], [], Variables, IdempotencyKey: "same"),
        ]));

        Assert.Equal([1, 1], results.Select(r => r.Value));
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(2, await db.MessageLogs.CountAsync());
    }

    private static readonly Dictionary<string, string?> Variables = new() { ["title"] = "Server" };

    private static List<SendRequest> Requests(Dictionary<string, long> people) =>
    [
        new("inapp", [.. people.Values], [], Variables, "approval", "1", Type: NotificationType.Approval) { Link = "/workflow/instances/1", Level = NotificationLevel.Warning },
        new("mail", [.. people.Values], ["outsider@ops.example"], Variables, Type: NotificationType.Approval),
        new("inapp", [people["plain"]], [], Variables, Type: NotificationType.System),
        new("missing", [people["plain"]], [], Variables),
        new("inapp", [people["inactive"]], [], Variables),
        new("inapp", [people["plain"]], [], Variables) { Link = "https://elsewhere.example/" },
        new("inapp", [people["english"]], [], new Dictionary<string, string?>()),
    ];

    /// <summary>Users for every rule: plain, English, blacklisted (by user), opted out of approval notices in-app, inactive.</summary>
    private static async Task<Dictionary<string, long>> OrganisationAsync(InfrastructureHarness harness)
    {
        var people = new Dictionary<string, long>();
        foreach (var name in new[] { "plain", "english", "blocked", "opted.out", "inactive" })
        {
            people[name] = (await harness.UserAsync(name)).UserId!.Value;
        }

        await using (var db = await harness.CreateDbContextAsync())
        {
            foreach (var user in await db.Users.Where(u => people.Values.Contains(u.Id)).ToListAsync())
            {
                user.Email = user.UserName + "@ops.example";
                user.PreferredCulture = user.UserName == "english" ? "en-US" : "zh-CN";
                user.IsActive = user.UserName != "inactive";
            }

            db.NotificationSettings.Add(new UserNotificationSetting(people["opted.out"], NotificationType.Approval, MessageChannel.InApp, false));
            await db.SaveChangesAsync();
        }

        await harness.AsSystemAsync(async sp =>
        {
            var templates = sp.GetRequiredService<ITemplateService>();
            TemplateParameter[] title = [new("title", null, "t")];
            Assert.True((await templates.CreateAsync(new TemplateInput("inapp", "in-app", MessageChannel.InApp, "待审批：${title}", "“${title}”等待您审批。", "To approve: ${title}", "\"${title}\" awaits you.", title, true))).IsSuccess);
            Assert.True((await templates.CreateAsync(new TemplateInput("mail", "mail", MessageChannel.Email, "审批：${title}", "<p>${title}</p>", null, null, title, true))).IsSuccess);
            var blacklist = sp.GetRequiredService<IBlacklistService>();
            Assert.True((await blacklist.AddAsync(new BlacklistInput(MessageChannel.InApp, null, people["blocked"], "left the company", null))).IsSuccess);
            Assert.True((await blacklist.AddAsync(new BlacklistInput(MessageChannel.Email, "Outsider@OPS.example", null, "bounces", null))).IsSuccess);
            return 0;
        });
        harness.CurrentUser.Actor = Actor.System;
        return people;
    }

    private static string Outcome(Result<int> result) => result.IsSuccess ? result.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : result.Error!.Code;

    private static List<string> Rows(List<MessageLog> logs, string key) => logs.Where(m => m.IdempotencyKey == key)
        .Select(m => string.Join("|", m.Channel, m.Recipient, m.UserId, m.TemplateCode, m.Subject, m.Content, m.Status, m.LastError, m.Type, m.Link, m.Level, m.BusinessType, m.BusinessId))
        .Order(StringComparer.Ordinal).ToList();
}
