using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

internal sealed class UserDirectory(IDbContextFactory<OpsDbContext> factory, ICurrentUser currentUser) : IUserDirectory
{
    public async Task<IReadOnlyList<UserOption>> SearchAsync(string? text, int max = 20, CancellationToken cancellationToken = default)
    {
        await DemandSignedInAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || (u.RealName != null && u.RealName.Contains(term)));
        }

        return await OptionsAsync(db, query.OrderBy(u => u.UserName).Take(Math.Clamp(max, 1, 100)), cancellationToken);
    }

    public async Task<IReadOnlyList<UserOption>> ByIdsAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await DemandSignedInAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await OptionsAsync(db, db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).OrderBy(u => u.UserName).Take(100), cancellationToken);
    }

    /// <summary>Any signed-in user may pick colleagues (approvers, recipients); no more than names leave.</summary>
    private async Task DemandSignedInAsync(CancellationToken cancellationToken)
    {
        if (!(await currentUser.GetActorAsync(cancellationToken)).IsAuthenticated)
        {
            throw new ForbiddenException("authenticated");
        }
    }

    private static Task<List<UserOption>> OptionsAsync(OpsDbContext db, IQueryable<OpsUser> users, CancellationToken cancellationToken) =>
        (
            from u in users
            join d in db.Departments on u.DepartmentId equals d.Id into departments
            from d in departments.DefaultIfEmpty()
            select new UserOption(u.Id, u.UserName!, u.RealName ?? u.UserName!, d.Name)).ToListAsync(cancellationToken);
}
