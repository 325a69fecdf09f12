using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>
/// A flow runs jobs, so saving or running one needs the rights to run its jobs: the jobs must be in the
/// caller's data scope, and shell or Python nodes need the script permission, exactly as for the jobs alone.
/// </summary>
internal sealed class FlowAccess(IPermissionGuard guard, IDataScopeProvider scopes, PrivilegeCeiling ceiling)
{
    public async Task<IQueryable<Job>> VisibleJobsAsync(OpsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return db.Jobs.WhereInScope(scope, j => j.DepartmentId, j => j.CreatedBy);
    }

    /// <summary>Demands the run permission, and the script permission when a node runs code.</summary>
    public async Task DemandJobRightsAsync(OpsDbContext db, IEnumerable<FlowNodeInput> nodes, CancellationToken cancellationToken)
    {
        await guard.DemandAsync(SchedulerPermissions.Jobs.Run, cancellationToken);
        var ids = nodes.Select(n => n.JobId).Distinct().ToList();
        // Deleted jobs count too: an old instance's snapshot may still name them.
        if (await db.Jobs.IgnoreQueryFilters().AnyAsync(j => ids.Contains(j.Id) && (j.Type == JobType.Shell || j.Type == JobType.Python), cancellationToken))
        {
            await guard.DemandAsync(SchedulerPermissions.Jobs.Script, cancellationToken);
        }
    }

    /// <summary>An owner department must be one the caller may see.</summary>
    public async Task<Result> CheckDepartmentAsync(long? departmentId, CancellationToken cancellationToken) =>
        departmentId is null ? Result.Success() : PrivilegeCeiling.CheckDepartment(await ceiling.CallerAsync(cancellationToken), departmentId);
}
