using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Reports.DataSources;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Infrastructure.Reports;

internal sealed partial class ReportService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    ICurrentUser currentUser,
    ReportAccess access,
    DataSourceAccess sources,
    IEnumerable<IReportEngine> engines,
    IdempotentCommands once,
    IAuditTrail audit,
    TimeProvider clock) : IReportService
{
    private static readonly SortMap<ReportListRow> Sorts = new SortMap<ReportListRow>(r => r.Id)
        .Add("name", r => r.Name)
        .Add("viewCount", r => r.ViewCount)
        .Add("updatedAt", r => r.UpdatedAt)
        .Add("lastViewedAt", r => r.LastViewedAt)
        .Add("category", r => r.Category)
        .Default("updatedAt", SortDirection.Descending);

    public async Task<PagedResult<ReportRow>> ListAsync(ReportFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.View, cancellationToken);
        page = page.Normalized();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reach = await access.ReachAsync(db, cancellationToken);
        var reports = ReportAccess.Visible(db, db.Reports.AsNoTracking(), reach);
        if (filter.Category is { Length: > 0 } category)
        {
            reports = reports.Where(r => r.Category == category);
        }

        if (filter.OwnerId is { } owner)
        {
            reports = reports.Where(r => r.CreatedBy == owner);
        }

        if (filter.Status is { } status)
        {
            reports = reports.Where(r => r.Status == status);
        }

        var userId = reach.UserId ?? -1;
        if (filter.FavoritesOnly)
        {
            reports = reports.Where(r => db.ReportFavorites.Any(f => f.ReportId == r.Id && f.UserId == userId));
        }

        if (page.Search is { } search)
        {
            reports = reports.Where(r => r.Name.Contains(search) || (r.Description != null && r.Description.Contains(search)) || (r.Category != null && r.Category.Contains(search)));
        }

        var rows = ReportListRow.Project(db, reports, userId);
        var result = await rows.ToPagedResultAsync(reports, page, Sorts, cancellationToken);
        return new PagedResult<ReportRow>(result.Items.Select(r => r.ToRow(reach.CanEdit)).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reach = await access.ReachAsync(db, cancellationToken);
        return await ReportAccess.Visible(db, db.Reports.AsNoTracking(), reach)
            .Where(r => r.Category != null).Select(r => r.Category!).Distinct().OrderBy(c => c).ToListAsync(cancellationToken);
    }

    public async Task<Result<ReportDetail>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, id, tracked: false, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var report = found.Value;

        var grants = await db.ReportGrants.AsNoTracking().Where(g => g.ReportId == id).OrderBy(g => g.Kind).ThenBy(g => g.TargetId)
            .Select(g => new ReportGrantInput(g.Kind, g.TargetId)).ToListAsync(cancellationToken);
        var versions = await (
            from v in db.ReportVersions.AsNoTracking()
            where v.ReportId == id
            join u in db.Users on v.PublishedBy equals u.Id into publishers
            from u in publishers.DefaultIfEmpty()
            orderby v.Number descending
            select new ReportVersionRow(v.Number, v.PublishedAt, u == null ? null : u.RealName ?? u.UserName)).ToListAsync(cancellationToken);
        var input = new ReportInput(report.Name, report.Description, report.Category, report.DataSourceId, report.IsPublic, report.EnableWatermark,
            ReportDefinition.FromJson(report.DraftJson), grants);
        return new ReportDetail(report.Id, input, report.Status, report.Version, report.PublishedNumber, report.HasUnpublishedChanges, versions);
    }

    public async Task<Result<long>> CreateAsync(ReportInput input, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Edit, cancellationToken);
        var actor = await currentUser.GetActorAsync(cancellationToken);
        return await once.RunOnceAsync("report.create", idempotencyKey, actor.UserId, async () =>
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            if (await CheckAsync(db, input, queryChanged: input.Definition.Query.Length > 0, cancellationToken) is { IsFailure: true } invalid)
            {
                return invalid.Error!;
            }

            var report = new Report(input.Name.Trim());
            Apply(report, input);
            db.Reports.Add(report);
            await db.SaveChangesAsync(cancellationToken);
            await ReplaceGrantsAsync(db, report.Id, input.Grants, cancellationToken);
            await RecordAsync("report.create", report.Id, null, cancellationToken);
            return report.Id;
        }, cancellationToken);
    }

    public async Task<Result> UpdateAsync(long id, ReportInput input, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, id, tracked: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var report = found.Value;

        var queryChanged = ReportDefinition.FromJson(report.DraftJson).Query != input.Definition.Query || report.DataSourceId != input.DataSourceId;
        if (await CheckAsync(db, input, queryChanged, cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid;
        }

        report.Name = input.Name.Trim();
        Apply(report, input);
        if (await db.SaveVersionedAsync(report, r => r.Version, version, "report", cancellationToken) is { IsFailure: true } conflict)
        {
            return conflict;
        }

        await ReplaceGrantsAsync(db, id, input.Grants, cancellationToken);
        await RecordAsync("report.update", id, queryChanged ? Truncate(input.Definition.Query) : null, cancellationToken);
        return Result.Success();
    }

    public async Task<Result<long>> CopyAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await FindAsync(db, id, tracked: false, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var source = found.Value;

        var name = source.Name.Length + 7 <= Report.NameMaxLength ? source.Name + " (copy)" : source.Name[..(Report.NameMaxLength - 7)] + " (copy)";
        var copy = new Report(name)
        {
            Description = source.Description, Category = source.Category, DataSourceId = source.DataSourceId, DraftJson = source.DraftJson,
            IsPublic = false, EnableWatermark = source.EnableWatermark,
        };
        db.Reports.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("report.copy", copy.Id, id.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return copy.Id;
    }

    public async Task<Result<int>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var reports = await db.Reports.Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        db.Reports.RemoveRange(reports);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var report in reports)
        {
            await RecordAsync("report.delete", report.Id, report.Name, cancellationToken);
        }

        return reports.Count;
    }

    /// <summary>Input rules, the data source's use, and for a new or changed query the permission to write queries and the statement check.</summary>
    private async Task<Result> CheckAsync(OpsDbContext db, ReportInput input, bool queryChanged, CancellationToken cancellationToken)
    {
        if (ReportRules.Validate(input) is { IsFailure: true } invalid)
        {
            return invalid;
        }

        var source = await sources.DemandUsableAsync(db, input.DataSourceId, tracked: false, cancellationToken);
        if (source.IsFailure)
        {
            return source.Error!.On("report.datasource");
        }

        if (!queryChanged)
        {
            return Result.Success();
        }

        await guard.DemandAsync(ReportPermissions.Reports.Query, cancellationToken);
        if (engines.FirstOrDefault(e => e.Handles(source.Value.Type)) is { } engine && input.Definition.Query.Length > 0)
        {
            if (engine.Shape(source.Value.Type).CheckDeclared(input.Definition.Query, input.Definition.Parameters) is { IsFailure: true } refused)
            {
                return refused.Error!;
            }
        }

        return Result.Success();
    }

    private static async Task<Result<Report>> FindAsync(OpsDbContext db, long id, bool tracked, CancellationToken cancellationToken)
    {
        var reports = tracked ? db.Reports : db.Reports.AsNoTracking();
        var report = await reports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return report is null ? Error.NotFound("report.not_found") : report;
    }

    private static void Apply(Report report, ReportInput input)
    {
        report.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        report.Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim();
        report.DataSourceId = input.DataSourceId;
        report.IsPublic = input.IsPublic;
        report.EnableWatermark = input.EnableWatermark;
        report.DraftJson = input.Definition.ToJson();
    }

    private static async Task ReplaceGrantsAsync(OpsDbContext db, long reportId, IReadOnlyList<ReportGrantInput> grants, CancellationToken cancellationToken)
    {
        var wanted = grants.Distinct().ToList();
        var current = await db.ReportGrants.Where(g => g.ReportId == reportId).ToListAsync(cancellationToken);
        db.ReportGrants.RemoveRange(current.Where(c => !wanted.Contains(new ReportGrantInput(c.Kind, c.TargetId))));
        db.ReportGrants.AddRange(wanted.Where(w => !current.Any(c => c.Kind == w.Kind && c.TargetId == w.TargetId)).Select(w => new ReportGrant(reportId, w.Kind, w.TargetId)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string Truncate(string text) => text.Length <= ReportQueryService.AuditedTextLength ? text : text[..ReportQueryService.AuditedTextLength];

    private Task RecordAsync(string action, long id, string? detail, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("report", action, "report", id.ToString(CultureInfo.InvariantCulture), AuditResult.Success, detail), cancellationToken);
}
