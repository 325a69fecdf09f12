using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>The caller's out-of-office periods. Tasks that become theirs while one is in force go to the delegate.</summary>
internal sealed class ApprovalDelegationService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IUserAccessStore access, ApprovalDelegationCache cache, TimeProvider clock) : IApprovalDelegationService
{
    public async Task<IReadOnlyList<DelegationRow>> MineAsync(CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ApprovalDelegations.AsNoTracking().Where(d => d.UserId == me || d.DelegateId == me)
            .OrderByDescending(d => d.Start).Take(200).ToListAsync(cancellationToken);
        var ids = rows.SelectMany(d => new[] { d.UserId, d.DelegateId }).Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.RealName ?? u.UserName, cancellationToken);
        var now = clock.GetUtcNow();
        return rows.Select(d => new DelegationRow(d.Id, d.UserId, names.GetValueOrDefault(d.UserId), d.DelegateId, names.GetValueOrDefault(d.DelegateId),
            d.Start, d.End, d.Reason, d.IsActiveAt(now))).ToList();
    }

    public async Task<Result<long>> CreateAsync(DelegationInput input, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The delegate must be able to open the inbox, or the tasks would land where nobody can act on them.
        if (!(await access.GetAsync(input.DelegateId, cancellationToken)).Has(ApprovalPermissions.Instances.Todo))
        {
            return Error.Invalid(ApprovalErrors.UserUnknown);
        }

        var created = ApprovalDelegation.Create(me, input.DelegateId, input.Start, input.End, input.Reason, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!;
        }

        db.ApprovalDelegations.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return created.Value.Id;
    }

    public async Task<Result> CancelAsync(long id, CancellationToken cancellationToken = default)
    {
        var me = await DemandAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var delegation = await db.ApprovalDelegations.SingleOrDefaultAsync(d => d.Id == id && d.UserId == me, cancellationToken);
        if (delegation is null)
        {
            return Error.NotFound(ApprovalErrors.DelegationNotFound);
        }

        delegation.Cancel(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return Result.Success();
    }

    private async Task<long> DemandAsync(CancellationToken cancellationToken)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        return await guard.RequireUserIdAsync(cancellationToken);
    }
}
