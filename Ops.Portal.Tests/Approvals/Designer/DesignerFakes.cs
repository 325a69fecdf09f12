using Ops.Domain.Approvals;
using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Approvals.Designer;

/// <summary>
/// Just enough of the definition service for the designer's component tests: one definition, its draft, what
/// the designer saved, and answers the test sets for the live check and for publish.
/// </summary>
internal sealed class FakeDefinitionService : IApprovalDefinitionService
{
    public DefinitionDetail Detail { get; set; } = new(
        1, "leave", "Leave", "HR", null, DefinitionStatus.Draft, ApprovalProcess.Empty, ApprovalForm.Empty, false, null, false, [], 3);

    public List<(ApprovalProcess Process, ApprovalForm Form, int Version)> Saved { get; } = [];

    public Func<ApprovalProcess, ApprovalForm, IReadOnlyList<ApprovalProblem>> Check { get; set; } = (_, _) => [];

    public Result<int> PublishResult { get; set; } = 1;

    public int Publishes { get; private set; }

    public Task<Result<DefinitionDetail>> GetAsync(long id, CancellationToken cancellationToken = default) =>
        Task.FromResult(id == Detail.Id ? Result.Success(Detail) : Error.NotFound("approval.definition.not_found"));

    public Task<Result<int>> SaveDesignAsync(long id, ApprovalProcess process, ApprovalForm form, int version, CancellationToken cancellationToken = default)
    {
        Saved.Add((process, form, version));
        return Task.FromResult(Result.Success(version + 1));
    }

    public IReadOnlyList<ApprovalProblem> Validate(ApprovalProcess process, ApprovalForm form) => Check(process, form);

    public Task<Result<int>> PublishAsync(long id, CancellationToken cancellationToken = default)
    {
        Publishes++;
        return Task.FromResult(PublishResult);
    }

    public Task<PagedResult<DefinitionRow>> ListAsync(DefinitionFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        Task.FromResult(PagedResult<DefinitionRow>.Empty(page.Page, page.PageSize));

    public Task<Result<long>> CreateAsync(DefinitionInput input, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success(2L));

    public Task<Result> DescribeAsync(long id, DefinitionInput input, int version, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

    public Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

    public Task<Result> RestoreAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

    public Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

    public Task<Result> SetCallbackAsync(long id, CallbackInput input, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

    public Task<IReadOnlyList<CallbackRow>> CallbacksAsync(long id, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<CallbackRow>>([]);

    public Task<Result> RetryCallbackAsync(long callbackId, CancellationToken cancellationToken = default) => Task.FromResult(Result.Success());

    public Task<IReadOnlyList<ApplicableDefinition>> ApplicableAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ApplicableDefinition>>([]);

    public Task<Result<ApplicableDefinition>> ApplicableAsync(string code, CancellationToken cancellationToken = default) =>
        Task.FromResult<Result<ApplicableDefinition>>(Error.NotFound("approval.definition.not_found"));
}

/// <summary>Two roles, one department with a child, and a directory of three users for the assignee pickers.</summary>
internal sealed class FakeDirectory : IRoleService, IDepartmentService, IUserDirectory
{
    public static readonly UserOption Alice = new(7, "alice", "Alice", "Finance");
    public static readonly UserOption Bob = new(8, "bob", "Bob", "Finance");

    public Task<IReadOnlyList<RoleSummary>> ListAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<RoleSummary>>(
    [
        new(3, "finance", "Finance managers", null, null, 0, true, null, [], false, 2, 4, "s"),
        new(4, "hr", "HR", null, null, 1, true, null, [], false, 1, 2, "s"),
    ]);

    public Task<IReadOnlyList<DepartmentNode>> GetTreeAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<DepartmentNode>>(
    [
        new(10, "Head office", "ho", null, 7, "Alice", 0, 3, 1, [new(11, "Finance", "fin", 10, 8, "Bob", 0, 2, 1, [])]),
    ]);

    public Task<IReadOnlyList<UserOption>> SearchAsync(string? text, int max = 20, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserOption>>(new[] { Alice, Bob }.Where(u => text is null || u.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList());

    public Task<IReadOnlyList<UserOption>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<UserOption>>(new[] { Alice, Bob }.Where(u => ids.Contains(u.Id)).ToList());

    public Task<Result<long>> CreateAsync(RoleInput input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> UpdateAsync(long id, RoleInput input, string concurrencyStamp, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlySet<string>> GetGrantsAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> SetGrantsAsync(long id, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result<long>> CreateAsync(DepartmentInput input, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<Result> UpdateAsync(long id, DepartmentInput input, int version, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<long>> GetDescendantIdsAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<long>> GetAncestorIdsAsync(long id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}
