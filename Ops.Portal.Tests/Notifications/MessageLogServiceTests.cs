using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The message log service: batch resend (all or nothing) and Excel export of the filtered log.</summary>
public sealed class MessageLogServiceTests
{
    [Fact]
    public async Task Resend_IsAllOrNothing()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var ids = await SeedAsync(harness);
        var logs = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IMessageLogService>();

        Assert.Equal("common.nothing_selected", (await logs.ResendAsync(Array.Empty<long>())).Error!.Code);
        var mixed = await logs.ResendAsync([ids[0], ids[2]]);
        Assert.Equal(("message.log.not_failed_of", (object)"http://hook/2"), (mixed.Error!.Code, mixed.Error.Args[0]));
        Assert.Equal([MessageStatus.Failed, MessageStatus.Failed, MessageStatus.Pending], await StatusesAsync(harness, ids));

        Assert.Equal(2, (await logs.ResendAsync([ids[0], ids[1]])).Value);
        Assert.Equal([MessageStatus.Pending, MessageStatus.Pending, MessageStatus.Pending], await StatusesAsync(harness, ids));
    }

    [Fact]
    public async Task Export_HoldsTheFilteredRows()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        await SeedAsync(harness);
        var logs = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IMessageLogService>();

        var bytes = await logs.ExportAsync(new MessageLogFilter { Status = MessageStatus.Failed }, TestSheets.English);

        var rows = ExcelExchange.Import(new MemoryStream(bytes), (cells, _) => Result<IReadOnlyDictionary<string, string?>>.Success(cells)).Rows;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("HTTP 500", r["Error"]));
    }

    private static async Task<List<long>> SeedAsync(InfrastructureHarness harness)
    {
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

        return ids;
    }

    private static async Task<List<MessageStatus>> StatusesAsync(InfrastructureHarness harness, List<long> ids)
    {
        await using var db = await harness.CreateDbContextAsync();
        return await db.MessageLogs.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).Select(m => m.Status).ToListAsync();
    }
}
