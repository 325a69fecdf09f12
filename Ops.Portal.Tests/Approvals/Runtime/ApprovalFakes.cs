using System.Text.Json;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Approvals.Runtime;

/// <summary>Records the calls the pages make; every action succeeds unless <see cref="Answer"/> says otherwise.</summary>
internal sealed class FakeApprovalService : IApprovalService
{
    public List<IReadOnlyList<TaskRef>> Batches { get; } = [];

    public List<string> Calls { get; } = [];

    public List<TaskRef> Approved { get; } = [];

    public Result Answer { get; set; } = Result.Success();

    /// <summary>Every start the pages asked for.</summary>
    public List<StartApproval> Starts { get; } = [];

    /// <summary>When set, starts wait for it (a slow server): lets a test click again while the first is running.</summary>
    public TaskCompletionSource<Result<long>>? StartGate { get; set; }

    public Task<Result<long>> StartAsync(StartApproval start, CancellationToken cancellationToken = default)
    {
        Starts.Add(start);
        return StartGate?.Task ?? Task.FromResult(Result.Success(1L));
    }

    public Task<Result> EditDraftAsync(long instanceId, ApprovalApplication application, CancellationToken cancellationToken = default) => Record("edit");

    public Task<Result> SubmitAsync(long instanceId, ApprovalApplication? application = null, CancellationToken cancellationToken = default) => Record("submit");

    public Task<Result> ApproveAsync(TaskRef task, string? comment, IReadOnlyDictionary<string, JsonElement>? formChanges = null, CancellationToken cancellationToken = default)
    {
        Approved.Add(task);
        return Record("approve");
    }

    public Task<Result> RejectAsync(TaskRef task, string? comment, RejectTarget target, CancellationToken cancellationToken = default) => Record("reject");

    public Task<Result> TransferAsync(TaskRef task, long toUserId, string? comment, CancellationToken cancellationToken = default) => Record("transfer");

    public Task<Result> DelegateAsync(TaskRef task, long toUserId, string? comment, CancellationToken cancellationToken = default) => Record("delegate");

    public Task<Result> AddApproverAsync(TaskRef task, long userId, AddPosition position, string? comment, CancellationToken cancellationToken = default) => Record("add");

    public Task<Result> RemoveApproverAsync(TaskRef addedTask, string? comment, CancellationToken cancellationToken = default) => Record("remove");

    public Task<Result> WithdrawAsync(long instanceId, string? comment, CancellationToken cancellationToken = default) => Record("withdraw");

    public Task<Result> UrgeAsync(long instanceId, CancellationToken cancellationToken = default) => Record("urge");

    public Task<Result> CommentAsync(long instanceId, string? text, IReadOnlyList<string>? attachments, CancellationToken cancellationToken = default) => Record("comment");

    public Task<Result> TerminateAsync(long instanceId, string? reason, CancellationToken cancellationToken = default) => Record("terminate");

    public Task<Result> MarkCcReadAsync(long instanceId, CancellationToken cancellationToken = default) => Record("ccread");

    public Task<BatchOutcome> ApproveManyAsync(IReadOnlyList<TaskRef> tasks, string? comment, CancellationToken cancellationToken = default)
    {
        Batches.Add(tasks);
        return Task.FromResult(new BatchOutcome(tasks, []));
    }

    private Task<Result> Record(string call)
    {
        Calls.Add(call);
        return Task.FromResult(call == "ccread" ? Result.Success() : Answer);
    }
}

internal sealed class FakeApprovalInbox : IApprovalInbox
{
    public InboxCounts Counts { get; set; } = new(0, 0, 0, 0);

    public List<InboxRow> Rows { get; } = [];

    public InstanceDetail? Detail { get; set; }

    public List<InboxBox> Listed { get; } = [];

    public Task<InboxCounts> CountsAsync(CancellationToken cancellationToken = default) => Task.FromResult(Counts);

    public Task<PagedResult<InboxRow>> ListAsync(InboxBox box, InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        Listed.Add(box);
        return Task.FromResult(new PagedResult<InboxRow>(Rows, Rows.Count, page.Page, page.PageSize));
    }

    public Task<byte[]> ExportAsync(InboxBox box, InboxFilter filter, SheetFormat format, CancellationToken cancellationToken = default) => Task.FromResult(Array.Empty<byte>());

    public Task<PagedResult<InboxRow>> AllAsync(InboxFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult(new PagedResult<InboxRow>(Rows, Rows.Count, page.Page, page.PageSize));

    public Task<Result<InstanceDetail>> GetAsync(long instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(Detail is { } d ? Result.Success(d) : Result<InstanceDetail>.Failure(Error.NotFound("approval.instance.not_found")));
}

internal sealed class FakeDefinitions : IApprovalDefinitionService
{
    public Task<IReadOnlyList<ApplicableDefinition>> ApplicableAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApplicableDefinition>>([]);

    public Task<Result<ApplicableDefinition>> ApplicableAsync(string code, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<PagedResult<DefinitionRow>> ListAsync(DefinitionFilter filter, PageRequest page, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result<DefinitionDetail>> GetAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result<long>> CreateAsync(DefinitionInput input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> DescribeAsync(long id, DefinitionInput input, int version, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result<int>> SaveDesignAsync(long id, ApprovalProcess process, ApprovalForm form, int version, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public IReadOnlyList<ApprovalProblem> Validate(ApprovalProcess process, ApprovalForm form) => throw new NotSupportedException();

    public Task<Result<int>> PublishAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> RestoreAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> SetCallbackAsync(long id, CallbackInput input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<CallbackRow>> CallbacksAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CallbackRow>>([]);

    public Task<Result> RetryCallbackAsync(long callbackId, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

internal sealed class FakeUserDirectory : IUserDirectory
{
    public static readonly UserOption[] Users = [new(7, "alice", "Alice", null), new(8, "bob", "Bob", null)];

    public Task<IReadOnlyList<UserOption>> SearchAsync(string? text, int max = 20, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserOption>>(Users);

    public Task<IReadOnlyList<UserOption>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserOption>>([.. Users.Where(u => ids.Contains(u.Id))]);
}

internal sealed class FakeDepartments : IDepartmentService
{
    public Task<IReadOnlyList<DepartmentNode>> GetTreeAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DepartmentNode>>([new(1, "Head office", "hq", null, null, null, 0, 0, 1, [new(2, "IT", "it", 1, null, null, 0, 0, 1, [])])]);

    public Task<Result<long>> CreateAsync(DepartmentInput input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> UpdateAsync(long id, DepartmentInput input, int version, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<long>> GetDescendantIdsAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<long>> GetAncestorIdsAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

/// <summary>A test context with the approval fakes and the portal's error handler registered.</summary>
/// <summary>Keeps uploads in memory: enough for components that attach files.</summary>
internal sealed class FakeApprovalFiles : IApprovalFileService
{
    public List<(string Name, byte[] Content)> Uploaded { get; } = [];

    public async Task<Result<ApprovalFileInfo>> UploadAsync(string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        Uploaded.Add((fileName, buffer.ToArray()));
        return new ApprovalFileInfo($"{Uploaded.Count:D32}", fileName, buffer.Length, contentType ?? "application/octet-stream");
    }

    public Task<Result<ApprovalFileContent>> OpenAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<ApprovalFileContent>>(Error.NotFound(ApprovalErrors.FileNotFound));
}

public abstract class ApprovalPageTestContext : PortalTestContext
{
    protected ApprovalPageTestContext()
    {
        Services.AddScoped<Ops.Portal.Common.UiErrorHandler>();
        Services.AddSingleton<IApprovalService>(Approvals);
        Services.AddSingleton<IApprovalInbox>(Inbox);
        Services.AddSingleton<IApprovalDefinitionService, FakeDefinitions>();
        Services.AddSingleton<IUserDirectory, FakeUserDirectory>();
        Services.AddSingleton<IDepartmentService, FakeDepartments>();
        Services.AddSingleton<IApprovalFileService>(Files);

        // The process diagram draws its canvas only in an interactive renderer; static is enough here.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));
        Render<MudBlazor.MudPopoverProvider>();
    }

    internal FakeApprovalService Approvals { get; } = new();

    internal FakeApprovalInbox Inbox { get; } = new();

    internal FakeApprovalFiles Files { get; } = new();
}
