using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Api.Reports;

public sealed record ReportListQuery(int? Page, int? Size, string? Sort, string? Q, string? Category, string? Status, bool? Favorites);

/// <summary>A report's rows: the columns with their kinds, the rows (at most the data source's display cap), and the previous period's rows for a comparing card.</summary>
public sealed record ReportDataResponse(IReadOnlyList<QueryColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, double ElapsedMs, ReportDataPrevious? Previous);

public sealed record ReportDataPrevious(IReadOnlyList<object?[]> Rows);

/// <summary>
/// <c>/api/v1/reports</c>: the reports the caller may see, one report as the viewer opens it (display, filters; no query
/// text), and its rows for filter values given as query parameters named as the report's parameters
/// (<c>?period=2026-01-01..2026-01-31&amp;region=east,west</c>), under the caller's data scope.
/// </summary>
internal static class ReportEndpoints
{
    public static void MapReportEndpoints(this RouteGroupBuilder api)
    {
        var reports = api.MapGroup("/reports").WithTags("reports");
        reports.MapGet("/", ListAsync).Demands(ReportPermissions.Reports.View).WithSummary("Reports the caller may see, filtered and paged");
        reports.MapGet("/{id:long}", GetAsync).Demands(ReportPermissions.Reports.View).WithSummary("A published report: display, settings and filters");
        reports.MapGet("/{id:long}/data", DataAsync).Demands(ReportPermissions.Reports.View)
            .WithSummary("The report's rows; each query parameter named like a report parameter is its value");
    }

    private static async Task<IResult> ListAsync([AsParameters] ReportListQuery query, IReportService reports, CancellationToken cancellationToken)
    {
        var filter = new ReportFilter(query.Category, null, ApiQuery.Enum<ReportStatus>(query.Status, "status"), query.Favorites == true);
        var page = await reports.ListAsync(filter, new ApiPaging(query.Page, query.Size, query.Sort, query.Q).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    private static async Task<IResult> GetAsync(long id, IReportViewer viewer, HttpContext http)
    {
        var view = await viewer.OpenAsync(id, cancellationToken: http.RequestAborted);
        return view.IsFailure ? ApiProblems.For(http, view.Error!) : TypedResults.Ok(view.Value);
    }

    private static async Task<IResult> DataAsync(long id, IReportViewer viewer, HttpContext http)
    {
        var values = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var data = await viewer.DataAsync(id, values, cancellationToken: http.RequestAborted);
        if (data.IsFailure)
        {
            return ApiProblems.For(http, data.Error!);
        }

        var current = data.Value.Current;
        return TypedResults.Ok(new ReportDataResponse(current.Columns, current.Rows, current.Truncated, current.ElapsedMs,
            data.Value.Previous is { } previous ? new ReportDataPrevious(previous.Rows) : null));
    }
}
