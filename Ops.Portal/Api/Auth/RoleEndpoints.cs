using Ops.Domain.Auth;

namespace Ops.Portal.Api.Auth;

public sealed record RoleListQuery(int? Page, int? Size, string? Sort, string? Q, bool? Active);

/// <summary>A role with the permission codes it grants.</summary>
public sealed record RoleResponse(RoleSummary Role, IReadOnlyCollection<string> Permissions);

public sealed record RoleGrantsRequest(IReadOnlyCollection<string> Permissions);

/// <summary><c>/api/v1/roles</c>: roles, filtered and paged, detail with grants, create, update, delete, and the grants alone.</summary>
internal static class RoleEndpoints
{
    private static readonly Dictionary<string, Func<RoleSummary, object?>> Sorts = new(StringComparer.Ordinal)
    {
        ["name"] = r => r.Name,
        ["code"] = r => r.Code,
        ["sortOrder"] = r => r.SortOrder,
        ["userCount"] = r => r.UserCount,
        ["id"] = r => r.Id,
    };

    public static void MapRoleEndpoints(this RouteGroupBuilder api)
    {
        var roles = api.MapGroup("/roles").WithTags("roles");
        roles.MapGet("/", ListAsync).Demands(SystemPermissions.Roles.View).WithSummary("Roles, filtered and paged");
        roles.MapGet("/{id:long}", GetAsync).Demands(SystemPermissions.Roles.View).WithSummary("One role with its permission codes, and its ETag");
        roles.MapPost("/", CreateAsync).Demands(SystemPermissions.Roles.Create).WithSummary("Create a role");
        roles.MapPut("/{id:long}", UpdateAsync).Demands(SystemPermissions.Roles.Update).WithSummary("Replace a role's details (If-Match: its ETag)");
        roles.MapDelete("/{id:long}", DeleteAsync).Demands(SystemPermissions.Roles.Delete).WithSummary("Delete a role that no user holds");
        roles.MapPut("/{id:long}/permissions", GrantAsync).Demands(SystemPermissions.Roles.Grant).WithSummary("Replace the permission codes a role grants");
    }

    private static async Task<IResult> ListAsync([AsParameters] RoleListQuery query, IRoleService service, CancellationToken cancellationToken)
    {
        var rows = (await service.ListAsync(cancellationToken)).Where(r => query.Active is null || r.IsActive == query.Active);
        return TypedResults.Ok(InMemoryPage.Of(rows, new ApiPaging(query.Page, query.Size, query.Sort ?? "sortOrder,name", query.Q), r => r.Name + " " + r.Code, Sorts));
    }

    private static async Task<IResult> GetAsync(long id, IRoleService service, HttpContext http)
    {
        if ((await service.ListAsync(http.RequestAborted)).FirstOrDefault(r => r.Id == id) is not { } role)
        {
            return ApiProblems.For(http, StatusCodes.Status404NotFound, "auth.role.not_found");
        }

        ApiETags.Set(http, role.ConcurrencyStamp);
        return TypedResults.Ok(new RoleResponse(role, (await service.GetGrantsAsync(id, http.RequestAborted)).Order(StringComparer.Ordinal).ToList()));
    }

    private static async Task<IResult> CreateAsync(RoleInput input, IRoleService service, HttpContext http)
    {
        var created = await service.CreateAsync(input with { CustomDepartmentIds = input.CustomDepartmentIds ?? [] }, http.RequestAborted);
        return created.IsFailure ? ApiProblems.For(http, created.Error!) : TypedResults.Created($"/api/v1/roles/{created.Value}", new { id = created.Value });
    }

    private static async Task<IResult> UpdateAsync(long id, RoleInput input, IRoleService service, HttpContext http)
    {
        var version = ApiETags.IfMatch(http) ?? (await service.ListAsync(http.RequestAborted)).FirstOrDefault(r => r.Id == id)?.ConcurrencyStamp;
        if (version is null)
        {
            return ApiProblems.For(http, StatusCodes.Status404NotFound, "auth.role.not_found");
        }

        var updated = await service.UpdateAsync(id, input with { CustomDepartmentIds = input.CustomDepartmentIds ?? [] }, version, http.RequestAborted);
        return updated.IsFailure ? ApiProblems.ForUpdate(http, updated.Error!) : await GetAsync(id, service, http);
    }

    private static async Task<IResult> DeleteAsync(long id, IRoleService service, HttpContext http)
    {
        var deleted = await service.DeleteAsync(id, http.RequestAborted);
        return deleted.IsFailure ? ApiProblems.For(http, deleted.Error!) : TypedResults.NoContent();
    }

    private static async Task<IResult> GrantAsync(long id, RoleGrantsRequest request, IRoleService service, HttpContext http)
    {
        var granted = await service.SetGrantsAsync(id, request.Permissions ?? [], http.RequestAborted);
        return granted.IsFailure ? ApiProblems.For(http, granted.Error!) : await GetAsync(id, service, http);
    }
}
