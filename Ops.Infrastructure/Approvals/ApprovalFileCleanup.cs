using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;
using Quartz;

namespace Ops.Infrastructure.Approvals;

/// <summary>Section <c>Approvals:Files</c>: how much each user may store, and how long an upload nothing refers to is kept.</summary>
public sealed class ApprovalFileOptions
{
    public const string SectionName = "Approvals:Files";

    /// <summary>The bytes of all files one user has stored, attached or not.</summary>
    public long UserQuotaBytes { get; set; } = 200L * 1024 * 1024;

    /// <summary>An upload no application refers to is deleted once it is this old: the time to fill in and submit a form.</summary>
    public TimeSpan UnreferencedGrace { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    public int CleanupBatchSize { get; set; } = 200;

    /// <summary>Refuses settings that would lose files about to be attached or store nothing at all.</summary>
    public ApprovalFileOptions Validated()
    {
        if (UserQuotaBytes <= 0 || UnreferencedGrace < TimeSpan.FromMinutes(10) || CleanupInterval <= TimeSpan.Zero || CleanupBatchSize <= 0)
        {
            throw new InvalidOperationException(
                $"{SectionName}: UserQuotaBytes, CleanupInterval and CleanupBatchSize must be positive and UnreferencedGrace at least 00:10:00.");
        }

        return this;
    }
}

/// <summary>
/// Deletes uploads that no application or comment refers to (<c>t_workflow_file_ref</c>) once they are older than
/// the grace period: the row carries the bytes, so deleting it frees them. Safe on several nodes at once: each
/// delete re-checks its condition in the statement, so a file is deleted once and a file whose reference was
/// committed since the select is kept. (A file first attached at the very moment it is deleted, past its grace
/// period, leaves a reference to nothing: the timeline then shows its key, as for any unknown file.)
/// </summary>
internal sealed class ApprovalFileCleanup(IDbContextFactory<OpsDbContext> factory, ApprovalFileOptions options, TimeProvider clock, ILogger<ApprovalFileCleanup> logger)
{
    /// <summary>Deletes the unreferenced files past the grace period; returns how many.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow() - options.UnreferencedGrace;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var total = 0;
        while (true)
        {
            // Ids first, in batches: one statement over a large backlog would hold its locks for long.
            var ids = await Unreferenced(db, cutoff).OrderBy(f => f.Id).Select(f => f.Id).Take(options.CleanupBatchSize).ToListAsync(cancellationToken);
            var deleted = ids.Count == 0 ? 0 : await Unreferenced(db, cutoff).Where(f => ids.Contains(f.Id)).ExecuteDeleteAsync(cancellationToken);
            total += deleted;
            if (ids.Count < options.CleanupBatchSize || deleted == 0)
            {
                break;
            }
        }

        if (total > 0)
        {
            logger.LogInformation("Deleted {Count} approval files no application referred to, uploaded before {Cutoff}", total, cutoff);
        }

        return total;
    }

    private static IQueryable<ApprovalFile> Unreferenced(OpsDbContext db, DateTimeOffset cutoff) =>
        db.ApprovalFiles.Where(f => f.UploadedAt < cutoff && !db.ApprovalFileReferences.Any(r => r.FileKey == f.Key));
}

/// <summary>The scheduler's hand on the cleanup: a Quartz job fired every <see cref="ApprovalFileOptions.CleanupInterval"/> (once per cluster when clustered).</summary>
[DisallowConcurrentExecution]
internal sealed class ApprovalFileCleanupJob(ApprovalFileCleanup cleanup) : IJob
{
    public static readonly JobKey Key = new("approval-file-cleanup", "ops-approvals");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => await cleanup.RunAsync(cancellationToken);
}
