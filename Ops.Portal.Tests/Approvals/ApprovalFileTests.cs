using System.Text;
using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Portal.Tests.Approvals;

/// <summary>Attachments: stored in the database, readable by the application's participants and viewers only.</summary>
public sealed class ApprovalFileTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AnAttachment_IsReadByTheApprover_NotByOthers_NorThroughACopiedKey(DatabaseProvider provider)
    {
        var f = await ApprovalFixture.StartAsync(provider);
        await using var _ = f.Harness;
        var form = new ApprovalForm([new FormField("files", "报价单", FieldType.Attachment, Required: true)]);
        var process = new ApprovalProcess(
            [new StartNode("start"), new ApprovalNode("boss", "老板", ApprovalMode.Single, [AssigneeRule.Users(f.LeaderA.UserId!.Value)]), new EndNode("end")],
            [new ProcessEdge("start", "boss"), new ProcessEdge("boss", "end")]);
        await f.PublishAsync("files", process, form);
        var bytes = Encoding.UTF8.GetBytes("报价：服务器 3 台，合计 42000 元");

        var uploaded = await f.AsAsync(f.Applicant, sp => sp.GetRequiredService<IApprovalFileService>().UploadAsync("../报价单.txt", "text/plain", new MemoryStream(bytes)));
        Assert.True(uploaded.IsSuccess, uploaded.Error?.ToString());
        Assert.Equal(("报价单.txt", (long)bytes.Length), (uploaded.Value.Name, uploaded.Value.Size));
        var id = await StartWithAsync(f, f.Applicant, uploaded.Value);

        var read = await OpenAsync(f, f.LeaderA, uploaded.Value.Id);
        Assert.Equal(bytes, read.Value.Content);
        Assert.Equal(ApprovalErrors.FileNotFound, (await OpenAsync(f, f.Outsider, uploaded.Value.Id)).Error!.Code);

        // Copying the key into one's own application does not open someone else's file.
        await StartWithAsync(f, f.Outsider, uploaded.Value);
        Assert.Equal(ApprovalErrors.FileNotFound, (await OpenAsync(f, f.Outsider, uploaded.Value.Id)).Error!.Code);

        // A comment's file is named on the timeline and readable by the applicant.
        var note = await f.AsAsync(f.LeaderA, sp => sp.GetRequiredService<IApprovalFileService>().UploadAsync("意见.txt", null, new MemoryStream([1, 2, 3])));
        Assert.True((await f.Actions(f.LeaderA, s => s.CommentAsync(id, "见附件", [note.Value.Id]))).IsSuccess);
        var entry = (await f.DetailAsync(id, f.Applicant)).Timeline[^1];
        Assert.Equal(("意见.txt", note.Value.Id), (entry.Attachments.Single().Name, entry.Attachments.Single().Id));
        Assert.Equal([1, 2, 3], (await OpenAsync(f, f.Applicant, note.Value.Id)).Value.Content);
    }

    [Fact]
    public async Task EmptyOrOversizedFiles_AreRefused_AndNothingIsStored()
    {
        var f = await ApprovalFixture.StartAsync(DatabaseProvider.Sqlite);
        await using var _ = f.Harness;
        var files = (Func<IApprovalFileService, Task<Result<ApprovalFileInfo>>> upload) => f.AsAsync(f.Applicant, sp => upload(sp.GetRequiredService<IApprovalFileService>()));

        Assert.Equal(ApprovalErrors.FileSize, (await files(s => s.UploadAsync("empty.txt", null, new MemoryStream()))).Error!.Code);
        Assert.Equal(ApprovalErrors.FileSize, (await files(s => s.UploadAsync("big.bin", null, new MemoryStream(new byte[ApprovalFile.MaxSize + 1])))).Error!.Code);
        Assert.Equal(ApprovalErrors.FileName, (await files(s => s.UploadAsync("  ", null, new MemoryStream([1])))).Error!.Code);
        await using var db = await f.Harness.CreateDbContextAsync();
        Assert.Equal(0, await db.ApprovalFiles.CountAsync());
    }

    private static async Task<long> StartWithAsync(ApprovalFixture f, Actor applicant, ApprovalFileInfo file)
    {
        var data = new Dictionary<string, JsonElement> { ["files"] = FormValues.Of(new[] { new { id = file.Id, name = file.Name, size = file.Size } }) };
        var started = await f.Actions(applicant, s => s.StartAsync(new StartApproval("files", new ApprovalApplication("带附件的申请", data))));
        Assert.True(started.IsSuccess, started.Error?.ToString());
        return started.Value;
    }

    private static Task<Result<ApprovalFileContent>> OpenAsync(ApprovalFixture f, Actor actor, string id) =>
        f.AsAsync(actor, sp => sp.GetRequiredService<IApprovalFileService>().OpenAsync(id));
}
