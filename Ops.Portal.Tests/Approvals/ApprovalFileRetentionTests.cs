using System.Text.Json;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Issue 13: uploads are held to a per-user quota, and those nothing refers to are deleted after a grace period.</summary>
public sealed class ApprovalFileRetentionTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnUploadBeyondTheUsersQuota_IsRefused_StoresNothing_AndAttachedFilesCountToo(DatabaseProvider provider)
    {
        var f = await StartAsync(provider, new() { ["Approvals:Files:UserQuotaBytes"] = "1000" });
        await using var _ = f.Harness;

        var first = await UploadAsync(f, f.Applicant, 600);
        Assert.True(first.IsSuccess, first.Error?.ToString());
        await AttachAsync(f, first.Value);

        var refused = await UploadAsync(f, f.Applicant, 401);
        Assert.Equal((ApprovalErrors.FileQuota, ErrorKind.Validation), (refused.Error!.Code, refused.Error.Kind));
        Assert.Equal(new[] { 0.0, 24.0 }, refused.Error.Args.Cast<double>());
        Assert.True((await UploadAsync(f, f.Applicant, 400)).IsSuccess);
        Assert.True((await UploadAsync(f, f.Outsider, 1000)).IsSuccess);

        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Equal([400L, 600L], await db.ApprovalFiles.Where(x => x.UploadedBy == f.Applicant.UserId).Select(x => x.Size).OrderBy(s => s).ToListAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Cleanup_DeletesUnreferencedFilesPastTheGracePeriod_Once_EvenRunTwiceAtOnce(DatabaseProvider provider)
    {
        var f = await StartAsync(provider, new() { ["Approvals:Files:UserQuotaBytes"] = "1000" });
        await using var _ = f.Harness;
        var attached = (await UploadAsync(f, f.Applicant, 100)).Value;
        var commented = (await UploadAsync(f, f.LeaderA, 100)).Value;
        var forgotten = (await UploadAsync(f, f.Applicant, 800)).Value;
        var strays = (await UploadAsync(f, f.Outsider, 100)).Value;
        var id = await AttachAsync(f, attached);
        Assert.True((await f.Actions(f.LeaderA, s => s.CommentAsync(id, "见附件", [commented.Id]))).IsSuccess);

        f.Harness.Clock.Advance(TimeSpan.FromHours(23));
        var recent = (await UploadAsync(f, f.Outsider, 100)).Value;
        Assert.Equal(0, await CleanAsync(f));
        Assert.Equal(ApprovalErrors.FileQuota, (await UploadAsync(f, f.Applicant, 200)).Error!.Code);

        // Past 24 h: the two uploads nothing refers to go, as two nodes might both run it; the others stay.
        f.Harness.Clock.Advance(TimeSpan.FromHours(2));
        var runs = await Task.WhenAll(CleanAsync(f), CleanAsync(f));
        Assert.Equal(2, runs.Sum());
        Assert.Equal(0, await CleanAsync(f));

        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Equal(new[] { attached.Id, commented.Id, recent.Id }.Order(), (await db.ApprovalFiles.Select(x => x.Key).ToListAsync()).Order());
        Assert.Equal(ApprovalErrors.FileNotFound, (await f.AsAsync(f.Applicant, sp => sp.GetRequiredService<IApprovalFileService>().OpenAsync(forgotten.Id))).Error!.Code);
        Assert.True((await f.AsAsync(f.LeaderA, sp => sp.GetRequiredService<IApprovalFileService>().OpenAsync(attached.Id))).IsSuccess);
        Assert.DoesNotContain(strays.Id, await db.ApprovalFiles.Select(x => x.Key).ToListAsync());

        // The freed space counts again.
        Assert.True((await UploadAsync(f, f.Applicant, 800)).IsSuccess);
    }

    [Fact]
    public async Task ThePortal_SchedulesTheCleanupJob_OnItsInterval()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Approvals:Files:CleanupInterval"] = "00:30:00" });
        _ = factory.CreateClient();
        var scheduler = await factory.Services.GetRequiredService<Quartz.ISchedulerFactory>().GetScheduler();

        var trigger = await scheduler.GetTrigger(new Quartz.TriggerKey(ApprovalFileCleanupJob.Key.Name, ApprovalFileCleanupJob.Key.Group)) as Quartz.ISimpleTrigger;

        Assert.NotNull(await scheduler.GetJobDetail(ApprovalFileCleanupJob.Key));
        Assert.Equal(TimeSpan.FromMinutes(30), trigger?.RepeatInterval);
    }

    [Theory]
    [InlineData(0, 24)]
    [InlineData(1000, 0.01)]
    public void SettingsThatWouldRefuseOrLoseEveryFile_AreRefused(long quota, double graceHours)
    {
        var options = new ApprovalFileOptions { UserQuotaBytes = quota, UnreferencedGrace = TimeSpan.FromHours(graceHours) };

        Assert.Throws<InvalidOperationException>(options.Validated);
    }

    private static Task<ApprovalFixture> StartAsync(DatabaseProvider provider, Dictionary<string, string?> settings) =>
        ApprovalFixture.StartAsync(provider, settings: settings);

    private static Task<Result<ApprovalFileInfo>> UploadAsync(ApprovalFixture f, Actor actor, int size) =>
        f.AsAsync(actor, sp => sp.GetRequiredService<IApprovalFileService>().UploadAsync("file.bin", null, new MemoryStream(Enumerable.Repeat((byte)1, size).ToArray())));

    private static Task<int> CleanAsync(ApprovalFixture f) => f.Harness.AsSystemAsync(sp => sp.GetRequiredService<ApprovalFileCleanup>().RunAsync(CancellationToken.None));

    /// <summary>An application by the applicant with the file in an attachment field (once per test: it publishes its definition).</summary>
    private static async Task<long> AttachAsync(ApprovalFixture f, ApprovalFileInfo file)
    {
        var form = new ApprovalForm([new FormField("files", "报价单", FieldType.Attachment, Required: true)]);
        var process = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("boss", "老板", ApprovalMode.Single, [AssigneeRule.Users(f.LeaderA.UserId!.Value)]), new EndNode("end")],
            [new ProcessEdge("start", "boss"), new ProcessEdge("boss", "end")]);
        await f.PublishAsync("files", process, form);

        var data = new Dictionary<string, JsonElement> { ["files"] = FormValues.Of(new[] { new { id = file.Id, name = file.Name, size = file.Size } }) };
        var started = await f.Actions(f.Applicant, s => s.StartAsync(new StartApproval("files", new ApprovalApplication("带附件的申请", data))));
        Assert.True(started.IsSuccess, started.Error?.ToString());
        return started.Value;
    }
}
