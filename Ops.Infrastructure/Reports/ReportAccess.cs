using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Reports;

/// <summary>Who is asking, as report visibility needs it: their user, department and active roles, and whether they edit reports.</summary>
internal sealed record ReportReach(long? UserId, long? DepartmentId, IReadOnlyList<long> RoleIds, bool CanEdit);

/// <summary>
/// The one visibility rule of reports. Editors (<c>report.reports.edit</c>) see every report, drafts included.
/// Viewers see a published report when it is public, theirs, or granted to one of their roles, their department
/// or themselves. Every entry point of the list, the viewer and the API goes through here.
/// </summary>
internal sealed class ReportAccess(IPermissionGuard guard, ICurrentUser currentUser)
{
    public async Task<ReportReach> ReachAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var canEdit = await guard.HasAsync(ReportPermissions.Reports.Edit, cancellationToken);
        if (actor.UserId is not { } userId)
        {
            return new ReportReach(null, null, [], canEdit);
        }

        var department = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DepartmentId).SingleOrDefaultAsync(cancellationToken);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId && r.IsActive
            select r.Id).ToListAsync(cancellationToken);
        return new ReportReach(userId, department, roles, canEdit);
    }

    /// <summary>The reports of <paramref name="reports"/> the caller may see; <paramref name="asViewer"/> applies the viewer's rule to editors too.</summary>
    public static IQueryable<Report> Visible(OpsDbContext db, IQueryable<Report> reports, ReportReach reach, bool asViewer = false)
    {
        if (reach.CanEdit && !asViewer)
        {
            return reports;
        }

        var userId = reach.UserId ?? -1;
        var department = reach.DepartmentId ?? -1;
        var roles = reach.RoleIds;
        return reports.Where(r => r.Status == ReportStatus.Published && (r.IsPublic || r.CreatedBy == userId
            || db.ReportGrants.Any(g => g.ReportId == r.Id && ((g.Kind == ReportGrantKind.Role && roles.Contains(g.TargetId))
                || (g.Kind == ReportGrantKind.Department && g.TargetId == department)
                || (g.Kind == ReportGrantKind.User && g.TargetId == userId)))));
    }

    /// <summary>The report if the caller may see it (as an editor when <paramref name="draft"/>); not found otherwise, with no hint that it exists.</summary>
    public async Task<Result<Report>> DemandVisibleAsync(OpsDbContext db, long id, bool draft, CancellationToken cancellationToken)
    {
        var reach = await ReachAsync(db, cancellationToken);
        if (draft && !reach.CanEdit)
        {
            return Error.NotFound("report.not_found");
        }

        var report = await Visible(db, db.Reports.AsNoTracking(), reach).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is null ? Error.NotFound("report.not_found") : report;
    }
}
