using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

internal sealed class UserDirectory(IDbContextFactory<OpsDbContext> factory, ICurrentUser currentUser) : IUserDirectory
{
    public async Task<IReadOnlyList<UserOption>> SearchAsync(string? text, int max = 20, CancellationToken cancellationToken = default)
    {
        // Any signed-in user may pick colleagues (approvers, recipients); no more than names leave.
        var actor = await currentUser.GetActorAsync(cancellationToken);
        if (!actor.IsAuthenticated)
        {
            throw new ForbiddenException("authenticated");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking().Where(u => u.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || (u.RealName != null && u.RealName.Contains(term)));
        }

        return await (
            from u in query.OrderBy(u => u.UserName).Take(Math.Clamp(max, 1, 100))
            join d in db.Departments on u.DepartmentId equals d.Id into departments
            from d in departments.DefaultIfEmpty()
            select new UserOption(u.Id, u.UserName!, u.RealName ?? u.UserName!, d.Name)).ToListAsync(cancellationToken);
    }
}
