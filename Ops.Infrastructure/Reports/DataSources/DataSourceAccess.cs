using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Reports.DataSources;

/// <summary>
/// The one use check for data sources: a caller may use (list, pick for a SQL job or report, edit, test) a source
/// when its owning department is in their data scope, they created it, or they hold one of the roles it is granted
/// to. Holding a data-source or job permission alone is not enough. Every entry point calls this.
/// </summary>
public sealed class DataSourceAccess(IDbContextFactory<OpsDbContext> factory, IDataScopeProvider scopes, ICurrentUser currentUser)
{
    /// <summary>A predicate for the caller, loaded once (data scope and active roles).</summary>
    public async Task<Func<DataSource, bool>> UsableAsync(CancellationToken cancellationToken = default)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        if (scope.All)
        {
            return _ => true;
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var roles = (await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == actor.UserId && r.IsActive
            select r.Id).ToListAsync(cancellationToken)).ToHashSet();
        return source => scope.Allows(source.DepartmentId, source.CreatedBy)
            || DataScopeGrant.ParseIds(source.UseRoleIds).Any(roles.Contains);
    }

    /// <summary>The sources of <paramref name="query"/> the caller may use (sources are few: their ids are worked out here).</summary>
    public async Task<IQueryable<DataSource>> WhereUsableAsync(OpsDbContext db, IQueryable<DataSource> query, CancellationToken cancellationToken = default)
    {
        var usable = await UsableAsync(cancellationToken);
        var all = await db.DataSources.AsNoTracking().ToListAsync(cancellationToken);
        if (all.All(usable))
        {
            return query;
        }

        var ids = all.Where(usable).Select(d => d.Id).ToList();
        return query.Where(d => ids.Contains(d.Id));
    }

    /// <summary>The source if it exists and the caller may use it; not found otherwise (no hint that it exists).</summary>
    public async Task<Result<DataSource>> DemandUsableAsync(OpsDbContext db, long id, bool tracked, CancellationToken cancellationToken = default)
    {
        var query = tracked ? db.DataSources : db.DataSources.AsNoTracking();
        var source = await query.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        var usable = await UsableAsync(cancellationToken);
        return source is not null && usable(source) ? source : Error.NotFound("scheduler.datasource.not_found");
    }
}
