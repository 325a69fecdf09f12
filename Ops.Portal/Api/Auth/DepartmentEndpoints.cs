using System.Globalization;
using Ops.Domain.Auth;

namespace Ops.Portal.Api.Auth;

/// <summary>A department without its children: the rows of <c>GET /api/v1/departments</c>.</summary>
public sealed record DepartmentRow(long Id, string Name, string Code, long? ParentId, long? LeaderUserId, string? LeaderName, int SortOrder, int UserCount, int Version);

public sealed record DepartmentListQuery(int? Page, int? Size, string? Sort, string? Q, long? ParentId);

/// <summary><c>/api/v1/departments</c>: the organisation as a paged list or a tree, detail, create, update, delete.</summary>
internal static class DepartmentEndpoints
{
    private static readonly Dictionary<string, Func<DepartmentRow, object?>> Sorts = new(StringComparer.Ordinal)
    {
        ["name"] = d => d.Name,
        ["code"] = d => d.Code,
        ["sortOrder"] = d => d.SortOrder,
        ["userCount"] = d => d.UserCount,
        ["id"] = d => d.Id,
    };

    public static void MapDepartmentEndpoints(this RouteGroupBuilder api)
    {
        var departments = api.MapGroup("/departments").WithTags("departments");
        departments.MapGet("/", ListAsync).Demands(SystemPermissions.Departments.View).WithSummary("Departments as a flat, filtered and paged list");
        departments.MapGet("/tree", async (IDepartmentService service, CancellationToken ct) => TypedResults.Ok(await service.GetTreeAsync(ct)))
            .Demands(SystemPermissions.Departments.View).WithSummary("The whole department tree");
        departments.MapGet("/{id:long}", GetAsync).Demands(SystemPermissions.Departments.View).WithSummary("One department, with its ETag");
        departments.MapPost("/", CreateAsync).Demands(SystemPermissions.Departments.Create).WithSummary("Create a department");
        departments.MapPut("/{id:long}", UpdateAsync).Demands(SystemPermissions.Departments.Update).WithSummary("Replace a department (If-Match: its ETag)");
        departments.MapDelete("/{id:long}", DeleteAsync).Demands(SystemPermissions.Departments.Delete).WithSummary("Delete a department without users or children");
    }

    private static async Task<IResult> ListAsync([AsParameters] DepartmentListQuery query, IDepartmentService service, CancellationToken cancellationToken)
    {
        var rows = (await AllAsync(service, cancellationToken)).Where(d => query.ParentId is null || d.ParentId == query.ParentId);
        return TypedResults.Ok(InMemoryPage.Of(rows, new ApiPaging(query.Page, query.Size, query.Sort ?? "sortOrder,name", query.Q), d => d.Name + " " + d.Code, Sorts));
    }

    private static async Task<IResult> GetAsync(long id, IDepartmentService service, HttpContext http)
    {
        if ((await AllAsync(service, http.RequestAborted)).FirstOrDefault(d => d.Id == id) is not { } department)
        {
            return ApiProblems.For(http, StatusCodes.Status404NotFound, "auth.department.not_found");
        }

        ApiETags.Set(http, department.Version.ToString(CultureInfo.InvariantCulture));
        return TypedResults.Ok(department);
    }

    private static async Task<IResult> CreateAsync(DepartmentInput input, IDepartmentService service, HttpContext http)
    {
        var created = await service.CreateAsync(input, http.RequestAborted);
        return created.IsFailure ? ApiProblems.For(http, created.Error!) : TypedResults.Created($"/api/v1/departments/{created.Value}", new { id = created.Value });
    }

    private static async Task<IResult> UpdateAsync(long id, DepartmentInput input, IDepartmentService service, HttpContext http)
    {
        var current = (await AllAsync(service, http.RequestAborted)).FirstOrDefault(d => d.Id == id);
        if (current is null)
        {
            return ApiProblems.For(http, StatusCodes.Status404NotFound, "auth.department.not_found");
        }

        var updated = await service.UpdateAsync(id, input, ApiETags.Version(http, current.Version), http.RequestAborted);
        return updated.IsFailure ? ApiProblems.ForUpdate(http, updated.Error!) : await GetAsync(id, service, http);
    }

    private static async Task<IResult> DeleteAsync(long id, IDepartmentService service, HttpContext http)
    {
        var deleted = await service.DeleteAsync(id, http.RequestAborted);
        return deleted.IsFailure ? ApiProblems.For(http, deleted.Error!) : TypedResults.NoContent();
    }

    private static async Task<IReadOnlyList<DepartmentRow>> AllAsync(IDepartmentService service, CancellationToken cancellationToken) =>
        (await service.GetTreeAsync(cancellationToken)).SelectMany(n => n.SelfAndDescendants())
            .Select(d => new DepartmentRow(d.Id, d.Name, d.Code, d.ParentId, d.LeaderUserId, d.LeaderName, d.SortOrder, d.UserCount, d.Version))
            .ToList();
}
