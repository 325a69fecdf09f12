using System.Globalization;
using Ops.Domain.Auth;
using Ops.Domain.Reports;

namespace Ops.Portal.Api.Reports;

public sealed record DataSourceListQuery(int? Page, int? Size, string? Sort, string? Q, string? Type, bool? Enabled);

/// <summary><c>/api/v1/datasources</c>: the data sources the caller may use; passwords are write-only, as on the page.</summary>
internal static class DataSourceEndpoints
{
    public static void MapDataSourceEndpoints(this RouteGroupBuilder api)
    {
        var sources = api.MapGroup("/datasources").WithTags("datasources");
        sources.MapGet("/", ListAsync).Demands(ReportPermissions.DataSources.View).WithSummary("Data sources the caller may use, filtered and paged");
        sources.MapGet("/{id:long}", GetAsync).Demands(ReportPermissions.DataSources.View).WithSummary("One data source (never its password), with its ETag");
        sources.MapPost("/", CreateAsync).Demands(ReportPermissions.DataSources.Edit).WithSummary("Create a data source");
        sources.MapPut("/{id:long}", UpdateAsync).Demands(ReportPermissions.DataSources.Edit).WithSummary("Replace a data source (If-Match: its ETag; no password keeps the stored one)");
        sources.MapDelete("/{id:long}", DeleteAsync).Demands(ReportPermissions.DataSources.Delete).WithSummary("Delete a data source no job uses");
        sources.MapPost("/{id:long}/test", TestAsync).Demands(ReportPermissions.DataSources.Test).WithSummary("Connect and answer with the latency and the server's version");
    }

    private static async Task<IResult> ListAsync([AsParameters] DataSourceListQuery query, IDataSourceService sources, CancellationToken cancellationToken)
    {
        var page = await sources.ListAsync(new DataSourceFilter(ApiQuery.Enum<DataSourceType>(query.Type, "type"), query.Enabled),
            new ApiPaging(query.Page, query.Size, query.Sort, query.Q).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    private static async Task<IResult> GetAsync(long id, IDataSourceService sources, HttpContext http)
    {
        var source = await sources.GetAsync(id, http.RequestAborted);
        if (source.IsFailure)
        {
            return ApiProblems.For(http, source.Error!);
        }

        ApiETags.Set(http, source.Value.Version.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Ok(source.Value);
    }

    private static async Task<IResult> CreateAsync(DataSourceInput input, IDataSourceService sources, HttpContext http)
    {
        var created = await sources.CreateAsync(input, http.RequestAborted);
        return created.IsFailure ? ApiProblems.For(http, created.Error!) : TypedResults.Created($"/api/v1/datasources/{created.Value}", new { id = created.Value });
    }

    private static Task<IResult> UpdateAsync(long id, DataSourceInput input, IDataSourceService sources, HttpContext http) =>
        ApiETags.UpdateAsync(http, sources.GetAsync(id, http.RequestAborted), s => s.Version,
            version => sources.UpdateAsync(id, input, version, http.RequestAborted), () => GetAsync(id, sources, http));

    private static async Task<IResult> DeleteAsync(long id, IDataSourceService sources, HttpContext http)
    {
        var deleted = await sources.DeleteAsync(id, http.RequestAborted);
        return deleted.IsFailure ? ApiProblems.For(http, deleted.Error!) : TypedResults.NoContent();
    }

    private static async Task<IResult> TestAsync(long id, IDataSourceService sources, HttpContext http)
    {
        var tested = await sources.TestAsync(id, http.RequestAborted);
        return tested.IsFailure ? ApiProblems.For(http, tested.Error!) : TypedResults.Ok(tested.Value);
    }
}
