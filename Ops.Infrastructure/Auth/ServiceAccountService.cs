using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth.Api;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// Service accounts are users marked <see cref="OpsUser.IsServiceAccount"/>, made and changed through the user service
/// (its rules, privilege ceiling and audit), with a random password nobody knows, hidden from the user list and refused
/// by every sign-in. Their access tokens are kept by <see cref="AccessTokenService"/> with the account as owner.
/// </summary>
internal sealed class ServiceAccountService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IUserService users,
    IUserAdministration administration,
    AccessTokenService tokens,
    EntityWrites writes,
    TimeProvider clock) : IServiceAccountService
{
    public async Task<IReadOnlyList<ServiceAccountRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.ServiceAccounts.Manage, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var accounts = await db.Users.AsNoTracking().Where(u => u.IsServiceAccount).OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Id, r.DisplayName }).ToListAsync(cancellationToken);
        var tokenRows = await db.ApiTokens.AsNoTracking().Where(t => ids.Contains(t.UserId)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return accounts.Select(a => new ServiceAccountRow(
            a.Id, a.UserName!, a.RealName,
            roles.Where(r => r.UserId == a.Id).Select(r => r.Id).ToList(),
            roles.Where(r => r.UserId == a.Id).Select(r => r.DisplayName).ToList(),
            a.IsActive,
            tokenRows.Count(t => t.UserId == a.Id && t.IsUsableAt(now)),
            tokenRows.Where(t => t.UserId == a.Id).Max(t => t.LastUsedAt),
            a.CreatedAt)).ToList();
    }

    public async Task<Result<long>> CreateAsync(ServiceAccountInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.ServiceAccounts.Manage, cancellationToken);
        var created = await users.CreateAsync(ToUser(input, active: true), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), cancellationToken: cancellationToken);
        if (created.IsFailure)
        {
            return created.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == created.Value.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.IsServiceAccount, true).SetProperty(u => u.MustChangePassword, false), cancellationToken);
        writes.Changed(typeof(OpsUser));
        return created.Value.Id;
    }

    public async Task<Result> UpdateAsync(long id, ServiceAccountInput input, CancellationToken cancellationToken = default)
    {
        var account = await FindAsync(id, cancellationToken);
        if (account is null)
        {
            return Error.NotFound("service_account.not_found");
        }

        var detail = await users.GetAsync(id, cancellationToken);
        return detail.IsFailure ? detail : await users.UpdateAsync(id, ToUser(input, account.IsActive), detail.Value.ConcurrencyStamp, cancellationToken);
    }

    public async Task<Result> SetActiveAsync(long id, bool active, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return Error.NotFound("service_account.not_found");
        }

        var changed = await administration.SetActiveAsync([id], active, cancellationToken);
        return changed.IsFailure ? changed.Error! : Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(id, cancellationToken) is null)
        {
            return Error.NotFound("service_account.not_found");
        }

        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            // Soft deletion keeps the row; its tokens must end with it.
            await db.ApiTokens.Where(t => t.UserId == id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, clock.GetUtcNow()), cancellationToken);
        }

        var deleted = await administration.DeleteAsync([id], cancellationToken);
        return deleted.IsFailure ? deleted.Error! : Result.Success();
    }

    public async Task<Result<IReadOnlyList<AccessTokenRow>>> TokensAsync(long id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is null
            ? Error.NotFound("service_account.not_found")
            : Result<IReadOnlyList<AccessTokenRow>>.Success(await tokens.ListAsync(id, cancellationToken));

    public async Task<IReadOnlyList<string>> GrantableScopesAsync(long id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is null ? [] : await tokens.GrantableAsync(id, cancellationToken);

    public async Task<Result<AccessTokenCreated>> CreateTokenAsync(long id, AccessTokenInput input, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is null
            ? Error.NotFound("service_account.not_found")
            : await tokens.CreateAsync(id, input, await guard.RequireUserIdAsync(cancellationToken), cancellationToken);

    public async Task<Result> RevokeTokenAsync(long id, long tokenId, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is null ? Error.NotFound("service_account.not_found") : await tokens.RevokeAsync(id, tokenId, cancellationToken);

    /// <summary>The service account <paramref name="id"/>, after the caller's right to manage them is checked.</summary>
    private async Task<OpsUser?> FindAsync(long id, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(SystemPermissions.ServiceAccounts.Manage, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id && u.IsServiceAccount, cancellationToken);
    }

    private static UserInput ToUser(ServiceAccountInput input, bool active) =>
        new(input.Name ?? "", input.DisplayName, null, null, input.DepartmentId, input.RoleIds ?? [], input.DataScope, [], active, false, false, false);
}
