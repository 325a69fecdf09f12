using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Domain.Reports;

public sealed record ReportGrantInput(ReportGrantKind Kind, long TargetId);

/// <summary>What the designer saves: the report's facts and its draft definition.</summary>
public sealed record ReportInput(
    string Name,
    string? Description,
    string? Category,
    long DataSourceId,
    bool IsPublic,
    bool EnableWatermark,
    ReportDefinition Definition,
    IReadOnlyList<ReportGrantInput> Grants);

public sealed record ReportRow(
    long Id,
    string Name,
    string? Description,
    string? Category,
    ReportStatus Status,
    bool HasUnpublishedChanges,
    ReportDisplayType Display,
    long? OwnerId,
    string? OwnerName,
    string? DataSourceName,
    bool IsPublic,
    int ViewCount,
    DateTimeOffset? LastViewedAt,
    DateTimeOffset UpdatedAt,
    bool IsFavorite);

public sealed record ReportVersionRow(int Number, DateTimeOffset PublishedAt, string? PublishedByName);

public sealed record ReportDetail(
    long Id,
    ReportInput Input,
    ReportStatus Status,
    int Version,
    int PublishedNumber,
    bool HasUnpublishedChanges,
    IReadOnlyList<ReportVersionRow> Versions);

public sealed record ReportFilter(string? Category = null, long? OwnerId = null, ReportStatus? Status = null, bool FavoritesOnly = false);

/// <summary>
/// The report lifecycle for editors: drafts, publish, archive, restore a published version, copy, delete. Listing
/// needs the view permission and shows viewers only the published reports they may see; editors see them all.
/// </summary>
public interface IReportService
{
    Task<PagedResult<ReportRow>> ListAsync(ReportFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> CategoriesAsync(CancellationToken cancellationToken = default);

    Task<Result<ReportDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>A new draft. A query text needs the permission to write queries.</summary>
    Task<Result<long>> CreateAsync(ReportInput input, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    /// <summary>Saves the draft; the live version stays until published. Changing the query needs the permission to write queries.</summary>
    Task<Result> UpdateAsync(long id, ReportInput input, int version, CancellationToken cancellationToken = default);

    /// <summary>The draft becomes the live version (a new version number).</summary>
    Task<Result> PublishAsync(long id, int version, CancellationToken cancellationToken = default);

    Task<Result> ArchiveAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>An earlier published version becomes the draft and the live version again, as a new version.</summary>
    Task<Result> RestoreAsync(long id, int number, CancellationToken cancellationToken = default);

    Task<Result<long>> CopyAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<int>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}

/// <summary>A parameter as the viewer's filter bar shows it, with its choices resolved.</summary>
public sealed record ReportFilterField(ReportParameter Parameter, IReadOnlyList<(string Value, string Label)> Choices);

/// <summary>A published report as a viewer opens it: no query text, the filters, the watermark's text.</summary>
public sealed record ReportView(
    long Id,
    string Name,
    string? Description,
    ReportDisplayType Display,
    ReportDefinition Definition,
    IReadOnlyList<ReportFilterField> Filters,
    bool EnableWatermark,
    string ViewerName,
    string ViewerAccount,
    bool IsFavorite,
    int PublishedNumber,
    DateTimeOffset? PublishedAt);

/// <summary>The rows of a report for a viewer; for a card comparing periods, the previous period's rows too.</summary>
public sealed record ReportData(QueryResult Current, QueryResult? Previous);

/// <summary>
/// Opening, running and starring published reports. Needs the view permission and the report's visibility (public,
/// granted to a role, department or user of the viewer, or owned); not the use of its data source. Rows are filtered
/// by the viewer's data scope when the report names scope columns. Editors may preview drafts.
/// </summary>
public interface IReportViewer
{
    Task<Result<ReportView>> OpenAsync(long id, bool draft = false, CancellationToken cancellationToken = default);

    Task<Result<ReportData>> DataAsync(long id, IReadOnlyDictionary<string, string?> values, bool draft = false, CancellationToken cancellationToken = default);

    /// <summary>One page of a table report, paged and sorted by the database.</summary>
    Task<Result<QueryPageResult>> PageAsync(long id, IReadOnlyDictionary<string, string?> values, QueryPage page, bool draft = false, CancellationToken cancellationToken = default);

    /// <summary>How many rows the report has in all for these values.</summary>
    Task<Result<long>> CountAsync(long id, IReadOnlyDictionary<string, string?> values, bool draft = false, CancellationToken cancellationToken = default);

    /// <summary>The sums of the named number columns over all the report's rows for these values (a table's totals row).</summary>
    Task<Result<IReadOnlyList<decimal?>>> TotalsAsync(long id, IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> columns, bool draft = false, CancellationToken cancellationToken = default);

    /// <summary>Stars or unstars the report for the caller; returns whether it is now a favorite.</summary>
    Task<Result<bool>> ToggleFavoriteAsync(long id, CancellationToken cancellationToken = default);
}
