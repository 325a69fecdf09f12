using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>Keeps <c>t_workflow_file_ref</c> in step with what an application mentions, in the action's own unit of work.</summary>
internal static class ApprovalFileReferences
{
    public static async Task TrackAsync(OpsDbContext db, ApprovalInstance instance, CancellationToken cancellationToken)
    {
        var keys = ApprovalFileReference.KeysOf(instance);
        if (keys.Count == 0)
        {
            return;
        }

        var known = instance.Id == 0
            ? []
            : await db.ApprovalFileReferences.Where(r => r.InstanceId == instance.Id).Select(r => r.FileKey).ToListAsync(cancellationToken);
        var missing = keys.Except(known).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        // Only keys of files that exist: a made-up key is not worth a row.
        foreach (var key in await db.ApprovalFiles.Where(f => missing.Contains(f.Key)).Select(f => f.Key).ToListAsync(cancellationToken))
        {
            db.ApprovalFileReferences.Add(new ApprovalFileReference(instance, key));
        }
    }
}
