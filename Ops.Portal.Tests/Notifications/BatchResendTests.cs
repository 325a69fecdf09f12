using Ops.Domain.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>Failed messages are resent together, or not at all when the selection holds one that has not failed.</summary>
public sealed class BatchResendTests
{
    [Fact]
    public async Task Resend_IsAllOrNothing()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var ids = new List<long>();
        await using (var db = await harness.CreateDbContextAsync())
        {
            var now = harness.Clock.Now;
            var rows = Enumerable.Range(0, 3).Select(i => new MessageLog(MessageChannel.Webhook, $"http://hook/{i}", null, "t", null, "{}", null, null, null, now)).ToList();
            rows[0].AttemptFailed("HTTP 500", now, new RetryPolicy(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
            rows[1].AttemptFailed("HTTP 500", now, new RetryPolicy(1, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));
            db.MessageLogs.AddRange(rows);
            await db.SaveChangesAsync();
            ids.AddRange(rows.Select(r => r.Id));
        }

        var logs = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IMessageLogService>();

        Assert.Equal("common.nothing_selected", (await logs.ResendAsync(Array.Empty<long>())).Error!.Code);
        var mixed = await logs.ResendAsync([ids[0], ids[2]]);
        Assert.Equal(("message.log.not_failed_of", (object)"http://hook/2"), (mixed.Error!.Code, mixed.Error.Args[0]));
        Assert.Equal([MessageStatus.Failed, MessageStatus.Failed, MessageStatus.Pending], await StatusesAsync(harness, ids));

        Assert.Equal(2, (await logs.ResendAsync([ids[0], ids[1]])).Value);
        Assert.Equal([MessageStatus.Pending, MessageStatus.Pending, MessageStatus.Pending], await StatusesAsync(harness, ids));
    }

    private static async Task<List<MessageStatus>> StatusesAsync(InfrastructureHarness harness, List<long> ids)
    {
        await using var db = await harness.CreateDbContextAsync();
        return await db.MessageLogs.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Status).ToListAsync();
    }
}
