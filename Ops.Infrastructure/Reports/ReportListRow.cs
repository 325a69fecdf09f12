using Ops.Domain.Reports;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Reports;

/// <summary>A list row as the database returns it.</summary>
internal sealed record ReportListRow
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    public string? Category { get; init; }

    public ReportStatus Status { get; init; }

    public string DraftJson { get; init; } = "";

    public string? PublishedJson { get; init; }

    public long DataSourceId { get; init; }

    public long? PublishedDataSourceId { get; init; }

    public long? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    public string? DataSourceName { get; init; }

    public bool IsPublic { get; init; }

    public int ViewCount { get; init; }

    public DateTimeOffset? LastViewedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsFavorite { get; init; }

    /// <summary>The list's rows of <paramref name="reports"/>: owner and data source names, and whether <paramref name="userId"/> starred each.</summary>
    public static IQueryable<ReportListRow> Project(OpsDbContext db, IQueryable<Report> reports, long userId) =>
        from r in reports
        join u in db.Users on r.CreatedBy equals u.Id into owners
        from u in owners.DefaultIfEmpty()
        join d in db.DataSources on r.DataSourceId equals d.Id into ds
        from d in ds.DefaultIfEmpty()
        select new ReportListRow
        {
            Id = r.Id, Name = r.Name, Description = r.Description, Category = r.Category, Status = r.Status, DraftJson = r.DraftJson,
            PublishedJson = r.PublishedJson, DataSourceId = r.DataSourceId, PublishedDataSourceId = r.PublishedDataSourceId, OwnerId = r.CreatedBy,
            OwnerName = u == null ? null : u.RealName ?? u.UserName, DataSourceName = d == null ? null : d.Name, IsPublic = r.IsPublic,
            ViewCount = r.ViewCount, LastViewedAt = r.LastViewedAt, UpdatedAt = r.UpdatedAt,
            IsFavorite = db.ReportFavorites.Any(f => f.ReportId == r.Id && f.UserId == userId),
        };

    public ReportRow ToRow(bool editor)
    {
        var shown = ReportDefinition.FromJson(editor ? DraftJson : PublishedJson);
        var pending = PublishedJson is null || PublishedJson != DraftJson || PublishedDataSourceId != DataSourceId;
        return new ReportRow(Id, Name, Description, Category, Status, editor && pending, shown.Display, OwnerId, OwnerName, DataSourceName, IsPublic,
            ViewCount, LastViewedAt, UpdatedAt, IsFavorite);
    }
}
