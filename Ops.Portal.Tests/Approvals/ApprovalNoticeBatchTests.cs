using Ops.Domain.Approvals;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Approvals;

/// <summary>The notices of many queued rows go to the message center together: a bounded number of statements, refusals per row.</summary>
public sealed class ApprovalNoticeBatchTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendNotices_OfManyActions_TakesTheStatementsOfOne_AndQueuesEveryNotice(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        await WarmUpAsync(f);
        var rejected = await ActionsAsync(f, starts: 12, rejections: 4);
        var rows = await PendingNoticesAsync(f);

        IReadOnlyDictionary<string, string?> refusals;
        using (var sql = await SqlCommandLog.StartAsync(f.Harness))
        {
            refusals = await SendAsync(f, rows);

            // Instances, templates, users, blacklist, settings, keys already queued: six reads and one save for 16 rows.
            Assert.InRange(sql.Reads, 1, 6);
            Assert.InRange(sql.Transactions, 0, 1);
        }

        Assert.Equal(rows.Select(r => r.DeliveryId).Order(), refusals.Keys.Order());
        Assert.All(refusals.Values, Assert.Null);
        await using var db = await f.Harness.CreateDbContextAsync();
        var queued = await db.MessageLogs.AsNoTracking().Where(m => m.BusinessType == "approval").ToListAsync();
        var measured = queued.Where(m => m.BusinessId != rejected.WarmUp.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(12 * 2, measured.Count(m => m.TemplateCode == "approval.task_assigned"));
        Assert.Equal(4, measured.Count(m => m.TemplateCode == "approval.rejected" && m.UserId == f.Applicant.UserId));
        var first = rejected.Ids[0];
        Assert.Contains(measured, m => m.BusinessId == first.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && m.Subject == "已驳回：采购 服务器扩容" && m.Link == $"/workflow/instances/{first}" && m.Level == NotificationLevel.Warning);
    }

    [Fact]
    public async Task SendNotices_WithARefusedKind_RefusesOnlyTheRowsOfThatKind()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        await WarmUpAsync(f);
        await ActionsAsync(f, starts: 3, rejections: 1);
        await f.Harness.AsSystemAsync(async sp =>
        {
            var templates = sp.GetRequiredService<ITemplateService>();
            var row = (await templates.ListAsync(MessageChannel.InApp, new PageRequest { PageSize = 50 })).Items.Single(t => t.Code == "approval.rejected");
            var detail = (await templates.GetAsync(row.Id)).Value;
            return (await templates.UpdateAsync(row.Id, detail.Input with { Enabled = false }, detail.Version)).IsSuccess;
        });
        var rows = await PendingNoticesAsync(f);

        var refusals = await SendAsync(f, rows);

        var refused = Assert.Single(refusals, r => r.Value is not null);
        Assert.Contains("Rejected", refused.Value, StringComparison.Ordinal);
        Assert.Equal(3, refusals.Count(r => r.Value is null));

        // The single-row send of the refused row throws, so the outbox retries that row alone.
        var effects = f.Harness.Services.GetRequiredService<ApprovalEffects>();
        await using var scope = f.Harness.Services.CreateSystemScope();
        await Assert.ThrowsAsync<DeliveryException>(() => effects.SendNoticesAsync(scope.ServiceProvider, rows.Single(r => r.DeliveryId == refused.Key), CancellationToken.None));
    }

    [Fact]
    public async Task TheApprovalOutbox_SendsTheNoticesOfABatch_InOneCallOfTheMessageCenter()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        await WarmUpAsync(f);
        var reads = new List<int>();
        foreach (var starts in new[] { 2, 16 })
        {
            await ActionsAsync(f, starts, rejections: 0);
            using var sql = await SqlCommandLog.StartAsync(f.Harness);
            Assert.Equal(starts, await f.DrainAsync());
            reads.Add(sql.Reads);
        }

        // One pass (claim, read, one batch send, record) and an empty pass: the same reads for 2 rows as for 16.
        Assert.Equal(reads[0], reads[1]);
        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Equal(0, await db.ApprovalCallbacks.CountAsync(c => c.Kind == CallbackKind.Notice && c.Status != CallbackStatus.Delivered));
        Assert.Equal((1 + 2 + 16) * 2, await db.MessageLogs.CountAsync(m => m.TemplateCode == "approval.task_assigned"));
    }

    /// <summary>One application started and rejected, its notices sent: the templates exist and the caches are warm.</summary>
    private static async Task WarmUpAsync(ApprovalFixture f)
    {
        var id = await f.StartAsync();
        await RejectAsync(f, id);
        await f.DrainAsync();
    }

    private static async Task<(long WarmUp, List<long> Ids)> ActionsAsync(ApprovalFixture f, int starts, int rejections)
    {
        await using var db = await f.Harness.CreateDbContextAsync();
        var warmUp = await db.ApprovalInstances.MaxAsync(i => i.Id);
        var ids = new List<long>();
        for (var i = 0; i < starts; i++)
        {
            ids.Add(await f.StartAsync());
        }

        foreach (var id in ids.Take(rejections))
        {
            await RejectAsync(f, id);
        }

        return (warmUp, ids);
    }

    private static async Task RejectAsync(ApprovalFixture f, long id)
    {
        var task = await f.TaskOfAsync(id, f.LeaderB);
        Assert.True((await f.Actions(f.LeaderB, s => s.RejectAsync(new TaskRef(id, task), "预算不足", RejectTarget.End))).IsSuccess);
    }

    private static async Task<List<ApprovalCallback>> PendingNoticesAsync(ApprovalFixture f)
    {
        await using var db = await f.Harness.CreateDbContextAsync();
        return await db.ApprovalCallbacks.AsNoTracking().Where(c => c.Kind == CallbackKind.Notice && c.Status == CallbackStatus.Pending).OrderBy(c => c.Id).ToListAsync();
    }

    private static async Task<IReadOnlyDictionary<string, string?>> SendAsync(ApprovalFixture f, IReadOnlyList<ApprovalCallback> rows)
    {
        var effects = f.Harness.Services.GetRequiredService<ApprovalEffects>();
        await using var scope = f.Harness.Services.CreateSystemScope();
        return await effects.SendNoticesAsync(scope.ServiceProvider, rows, CancellationToken.None);
    }
}
