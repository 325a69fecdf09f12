using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Reports;

/// <summary>The report's lifecycle: publish the draft, archive, restore an earlier publication (each a new version).</summary>
internal sealed partial class ReportService
{
    public async Task<Result> PublishAsync(long id, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Publish, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, id, tracked: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var report = found.Value;

        var definition = ReportDefinition.FromJson(report.DraftJson);
        if (string.IsNullOrWhiteSpace(definition.Query))
        {
            return Error.Invalid("report.query.empty").On("report.query");
        }

        return await PublishAsync(db, report, report.DraftJson, report.DataSourceId, version, "report.publish", cancellationToken);
    }

    public async Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Publish, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, id, tracked: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var report = found.Value;

        if (report.Status != ReportStatus.Published)
        {
            return Error.Conflict("report.not_published");
        }

        report.Archive();
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("report.archive", id, null, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> RestoreAsync(long id, int number, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Publish, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var report = await db.Reports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var earlier = await db.ReportVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ReportId == id && v.Number == number, cancellationToken);
        if (report is null || earlier is null)
        {
            return Error.NotFound("report.version_not_found", number);
        }

        report.DraftJson = earlier.DefinitionJson;
        report.DataSourceId = earlier.DataSourceId;
        return await PublishAsync(db, report, earlier.DefinitionJson, earlier.DataSourceId, report.Version, "report.restore", cancellationToken);
    }

    private async Task<Result> PublishAsync(OpsDbContext db, Report report, string json, long dataSourceId, int version, string action, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var number = (await db.ReportVersions.Where(v => v.ReportId == report.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0) + 1;
        var at = clock.GetUtcNow();
        report.Publish(json, dataSourceId, number, at);
        db.ReportVersions.Add(new ReportVersion(report.Id, number, dataSourceId, json, at, actor.UserId));
        // One save: the version check and the unique (report, number) index stop a double click publishing twice.
        if (await db.SaveVersionedAsync(report, r => r.Version, version, "report", cancellationToken, duplicate: Error.Conflict("common.concurrency_conflict", "report")) is { IsFailure: true } conflict)
        {
            return conflict;
        }

        await RecordAsync(action, report.Id, number.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return Result.Success();
    }
}
