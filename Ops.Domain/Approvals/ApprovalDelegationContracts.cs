using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>An out-of-office period: new tasks of <see cref="UserId"/> go to <see cref="DelegateId"/>.</summary>
public sealed record DelegationRow(long Id, long UserId, string? UserName, long DelegateId, string? DelegateName, DateTimeOffset Start, DateTimeOffset End, string? Reason, bool Active);

public sealed record DelegationInput(long DelegateId, DateTimeOffset Start, DateTimeOffset End, string? Reason);

/// <summary>The caller's own out-of-office delegations.</summary>
public interface IApprovalDelegationService
{
    Task<IReadOnlyList<DelegationRow>> MineAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(DelegationInput input, CancellationToken cancellationToken = default);

    Task<Result> CancelAsync(long id, CancellationToken cancellationToken = default);
}
