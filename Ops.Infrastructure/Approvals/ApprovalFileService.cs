using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Stores attachment files in the database and gives them out under the application's visibility. A reference
/// alone grants nothing: the application that refers to a file must count its uploader among its participants,
/// so nobody reads a stranger's file by copying its key into their own application. References come from an index
/// (<c>t_workflow_file_ref</c>) kept by every action, not from scanning the applications. Each user stores up to
/// a quota; uploads nothing refers to are deleted after a grace period (<see cref="ApprovalFileCleanup"/>).
/// </summary>
internal sealed class ApprovalFileService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, ApprovalFileOptions options, TimeProvider clock) : IApprovalFileService
{
    public async Task<Result<ApprovalFileInfo>> UploadAsync(string fileName, string? contentType, Stream content, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        var me = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // All the user's files count, attached ones too: attaching a file to a draft of one's own is too easy a way
        // round a quota on unattached ones. Two uploads at the same moment may pass together (at most one file over).
        var used = await db.ApprovalFiles.Where(f => f.UploadedBy == me).SumAsync(f => f.Size, cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > ApprovalFile.MaxSize)
            {
                return Error.Invalid(ApprovalErrors.FileSize, ApprovalFile.MaxSize / 1024 / 1024);
            }

            if (used + buffer.Length + read > options.UserQuotaBytes)
            {
                return Error.Invalid(ApprovalErrors.FileQuota, Math.Round(options.UserQuotaBytes / 1048576d, 1), Math.Round(options.UnreferencedGrace.TotalHours, 1));
            }

            buffer.Write(chunk, 0, read);
        }

        var created = ApprovalFile.Create(fileName, contentType, buffer.ToArray(), me, clock.GetUtcNow());
        if (created.IsFailure)
        {
            return created.Error!;
        }

        db.ApprovalFiles.Add(created.Value);
        await db.SaveChangesAsync(cancellationToken);
        return Info(created.Value);
    }

    public async Task<Result<ApprovalFileContent>> OpenAsync(string id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ApprovalPermissions.Instances.Todo, cancellationToken);
        var me = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        // The access check first, on the metadata: the content (up to the size limit) is read only for those allowed.
        var file = id.Length == 32
            ? await db.ApprovalFiles.AsNoTracking().Where(f => f.Key == id).Select(f => new { Info = new ApprovalFileInfo(f.Key, f.FileName, f.Size, f.ContentType), f.UploadedBy, f.Id })
                .SingleOrDefaultAsync(cancellationToken)
            : null;
        if (file is null || !(file.UploadedBy == me || await guard.HasAsync(ApprovalPermissions.Instances.ViewAll, cancellationToken) || await SharedAsync(db, id, file.UploadedBy, me, cancellationToken)))
        {
            return Error.NotFound(ApprovalErrors.FileNotFound);
        }

        var content = await db.ApprovalFiles.Where(f => f.Id == file.Id).Select(f => f.Content).SingleAsync(cancellationToken);
        return new ApprovalFileContent(file.Info, content);
    }

    /// <summary>The names of stored files, for the timeline (unknown keys are left out).</summary>
    public static async Task<IReadOnlyDictionary<string, ApprovalFileInfo>> DescribeAsync(OpsDbContext db, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<string, ApprovalFileInfo>();
        }

        return await db.ApprovalFiles.AsNoTracking().Where(f => ids.Contains(f.Key))
            .Select(f => new ApprovalFileInfo(f.Key, f.FileName, f.Size, f.ContentType)).ToDictionaryAsync(f => f.Id, cancellationToken);
    }

    private static ApprovalFileInfo Info(ApprovalFile file) => new(file.Key, file.FileName, file.Size, file.ContentType);

    private static async Task<bool> SharedAsync(OpsDbContext db, string key, long uploadedBy, long me, CancellationToken cancellationToken)
    {
        // The reference index, written with each action that mentions a file.
        var ids = db.ApprovalFileReferences.Where(r => r.FileKey == key).Select(r => r.InstanceId);
        var referring = await db.ApprovalInstances.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderByDescending(i => i.Id).Take(200)
            .Include(i => i.Tasks).Include(i => i.Ccs).Include(i => i.Records).AsSplitQuery().ToListAsync(cancellationToken);
        return referring.Any(i => ApprovalVisibility.CanSee(i, me) && Participates(i, uploadedBy) && Shows(i, key, me));
    }

    /// <summary>The viewer sees the reference: on the timeline, or in a form field not hidden from them.</summary>
    private static bool Shows(ApprovalInstance instance, string key, long me)
    {
        if (instance.Records.Any(r => r.Attachments.Contains(key)))
        {
            return true;
        }

        var hidden = ApprovalVisibility.HiddenFor(instance, me, viewAll: false);
        return instance.FormData.Any(p => !hidden.Contains(p.Key) && p.Value.GetRawText().Contains(key, StringComparison.Ordinal));
    }

    private static bool Participates(ApprovalInstance instance, long user) =>
        instance.ApplicantId == user || instance.Records.Any(r => r.ActorId == user) || instance.Tasks.Any(t => t.AssigneeId == user || t.OnBehalfOfId == user);
}
