using Ops.Domain.Common;

namespace Ops.Domain.Reports;

public enum ReportStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>
/// A report: a query on a data source and how to show its rows. Editors change the draft
/// (<see cref="DraftJson"/>, a <see cref="ReportDefinition"/>); publishing copies it to the live version that
/// viewers see (<see cref="PublishedJson"/>, one <see cref="ReportVersion"/> per publication, any of which can be
/// restored). Visible to every signed-in user when <see cref="IsPublic"/>, else to its grants and its owner.
/// </summary>
public sealed class Report : AuditableEntity, IVersioned, ISoftDeletable, IChangeTracked
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int CategoryMaxLength = 50;

    private Report()
    {
    }

    public Report(string name) => Name = name;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public string? Category { get; set; }

    public long DataSourceId { get; set; }

    public ReportStatus Status { get; private set; }

    public string DraftJson { get; set; } = "{}";

    /// <summary>The live definition; null until first published.</summary>
    public string? PublishedJson { get; private set; }

    /// <summary>The data source of the live version (an editor may point the draft elsewhere).</summary>
    public long? PublishedDataSourceId { get; private set; }

    public int PublishedNumber { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public bool IsPublic { get; set; }

    public bool EnableWatermark { get; set; }

    public int ViewCount { get; private set; }

    public DateTimeOffset? LastViewedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public bool HasUnpublishedChanges => PublishedJson is null || PublishedJson != DraftJson || PublishedDataSourceId != DataSourceId;

    /// <summary>Makes <paramref name="json"/> on <paramref name="dataSourceId"/> the live version, numbered <paramref name="number"/>.</summary>
    public void Publish(string json, long dataSourceId, int number, DateTimeOffset at)
    {
        PublishedJson = json;
        PublishedDataSourceId = dataSourceId;
        PublishedNumber = number;
        PublishedAt = at;
        Status = ReportStatus.Published;
    }

    /// <summary>Viewers no longer see it; editors still do, and publishing again brings it back.</summary>
    public void Archive() => Status = ReportStatus.Archived;

    public void RecordView(DateTimeOffset at)
    {
        ViewCount++;
        LastViewedAt = at;
    }
}

/// <summary>One publication of a report, kept so that an earlier one can be restored.</summary>
public sealed class ReportVersion : Entity
{
    private ReportVersion()
    {
    }

    public ReportVersion(long reportId, int number, long dataSourceId, string definitionJson, DateTimeOffset publishedAt, long? publishedBy)
    {
        ReportId = reportId;
        Number = number;
        DataSourceId = dataSourceId;
        DefinitionJson = definitionJson;
        PublishedAt = publishedAt;
        PublishedBy = publishedBy;
    }

    public long ReportId { get; private set; }

    public int Number { get; private set; }

    public long DataSourceId { get; private set; }

    public string DefinitionJson { get; private set; } = "{}";

    public DateTimeOffset PublishedAt { get; private set; }

    public long? PublishedBy { get; private set; }
}

public enum ReportGrantKind
{
    Role,
    Department,
    User,
}

/// <summary>A role, department or user that may view a report that is not public.</summary>
public sealed class ReportGrant : Entity
{
    private ReportGrant()
    {
    }

    public ReportGrant(long reportId, ReportGrantKind kind, long targetId)
    {
        ReportId = reportId;
        Kind = kind;
        TargetId = targetId;
    }

    public long ReportId { get; private set; }

    public ReportGrantKind Kind { get; private set; }

    public long TargetId { get; private set; }
}

/// <summary>A user's star on a report (spec <c>ReportFavorite</c>).</summary>
public sealed class ReportFavorite : Entity
{
    private ReportFavorite()
    {
    }

    public ReportFavorite(long reportId, long userId, DateTimeOffset at)
    {
        ReportId = reportId;
        UserId = userId;
        CreatedAt = at;
    }

    public long ReportId { get; private set; }

    public long UserId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
