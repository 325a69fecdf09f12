using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Definitions with their latest published version, in two plain queries. EF's filtered include
/// (<c>Versions.OrderByDescending(v => v.Number).Take(1)</c>) numbers every version of every definition with
/// <c>ROW_NUMBER()</c> and, on MariaDB, copies the text columns into on-disk temporary tables on each call.
/// </summary>
internal static class ApprovalDefinitionLoading
{
    /// <summary>Runs <paramref name="definitions"/> (a query of <paramref name="db"/>, in its order) and attaches each one's latest version; the results are not tracked.</summary>
    public static async Task<List<ApprovalDefinition>> WithLatestVersionAsync(
        this IQueryable<ApprovalDefinition> definitions, OpsDbContext db, CancellationToken cancellationToken)
    {
        // Tracked while loading, so the versions attach to their definitions; read-only afterwards.
        var loaded = await definitions.AsTracking().ToListAsync(cancellationToken);
        var ids = loaded.Select(d => d.Id).ToList();
        if (ids.Count > 0)
        {
            await db.ApprovalDefinitionVersions.AsTracking()
                .Where(v => ids.Contains(v.DefinitionId)
                    && v.Number == db.ApprovalDefinitionVersions.Where(x => x.DefinitionId == v.DefinitionId).Max(x => x.Number))
                .LoadAsync(cancellationToken);
        }

        db.ChangeTracker.Clear();
        return loaded;
    }
}
