using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Portal.Api.Auth;

/// <summary>Filters of <c>GET /api/v1/users</c>, as query parameters.</summary>
public sealed record UserListQuery(
    int? Page,
    int? Size,
    string? Sort,
    string? Q,
    long? DepartmentId,
    bool? IncludeSubDepartments,
    bool? Active,
    long? RoleId,
    bool? Locked,
    bool? PendingApproval);

/// <summary>A user to create or the new state of one; <see cref="Password"/> only on create (generated when absent).</summary>
public sealed record UserRequest(
    string UserName,
    string? RealName,
    string? Email,
    string? PhoneNumber,
    long? DepartmentId,
    IReadOnlyCollection<long>? RoleIds,
    DataScope? DataScope,
    IReadOnlyCollection<long>? CustomDepartmentIds,
    bool IsActive = true,
    bool IsStaff = false,
    bool IsSuperuser = false,
    bool RequireMfa = false,
    string? Password = null)
{
    public UserInput ToInput() => new(UserName ?? "", RealName, Email, PhoneNumber, DepartmentId, RoleIds ?? [], DataScope, CustomDepartmentIds ?? [],
        IsActive, IsStaff, IsSuperuser, RequireMfa);
}

/// <summary>One user: the list row with what the edit form holds.</summary>
public sealed record UserResponse(UserRow User, IReadOnlyCollection<long> RoleIds, DataScope? DataScope, IReadOnlyCollection<long> CustomDepartmentIds, string Version);

/// <summary><c>/api/v1/users</c>: the user list, detail, create, update and delete, through the same services as the users page.</summary>
internal static class UserEndpoints
{
    public static void MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("users");
        users.MapGet("/", ListAsync).Demands(SystemPermissions.Users.View).WithSummary("Users, filtered and paged, in the caller's data scope");
        users.MapGet("/{id:long}", GetAsync).Demands(SystemPermissions.Users.View).WithSummary("One user, with its ETag");
        users.MapPost("/", CreateAsync).Demands(SystemPermissions.Users.Create).WithSummary("Create a user; without a password one is generated and returned once");
        users.MapPut("/{id:long}", UpdateAsync).Demands(SystemPermissions.Users.Update).WithSummary("Replace a user's details (If-Match: its ETag)");
        users.MapDelete("/{id:long}", DeleteAsync).Demands(SystemPermissions.Users.Delete).WithSummary("Delete a user");
    }

    private static async Task<IResult> ListAsync([AsParameters] UserListQuery query, IUserService users, CancellationToken cancellationToken)
    {
        var filter = new UserFilter
        {
            DepartmentId = query.DepartmentId,
            IncludeSubDepartments = query.IncludeSubDepartments ?? true,
            Active = query.Active,
            RoleId = query.RoleId,
            Locked = query.Locked,
            PendingApproval = query.PendingApproval,
        };
        var page = await users.QueryAsync(filter, new ApiPaging(query.Page, query.Size, query.Sort, query.Q).ToRequest(), cancellationToken);
        return TypedResults.Ok(ApiPaging.Of(page, row => row));
    }

    private static async Task<IResult> GetAsync(long id, IUserService users, HttpContext http)
    {
        var detail = await users.GetAsync(id, http.RequestAborted);
        if (detail.IsFailure)
        {
            return ApiProblems.For(http, detail.Error!);
        }

        ApiETags.Set(http, detail.Value.ConcurrencyStamp);
        return TypedResults.Ok(ToResponse(detail.Value));
    }

    private static async Task<IResult> CreateAsync(UserRequest request, IUserService users, HttpContext http)
    {
        var created = await users.CreateAsync(request.ToInput(), request.Password, http.Request.Headers["Idempotency-Key"].FirstOrDefault(), http.RequestAborted);
        return created.IsFailure
            ? ApiProblems.For(http, created.Error!)
            : TypedResults.Created($"/api/v1/users/{created.Value.Id}", created.Value);
    }

    private static async Task<IResult> UpdateAsync(long id, UserRequest request, IUserService users, HttpContext http)
    {
        var version = ApiETags.IfMatch(http);
        if (version is null)
        {
            var current = await users.GetAsync(id, http.RequestAborted);
            if (current.IsFailure)
            {
                return ApiProblems.For(http, current.Error!);
            }

            version = current.Value.ConcurrencyStamp;
        }

        var updated = await users.UpdateAsync(id, request.ToInput(), version, http.RequestAborted);
        return updated.IsFailure ? ApiProblems.ForUpdate(http, updated.Error!) : await GetAsync(id, users, http);
    }

    private static async Task<IResult> DeleteAsync(long id, IUserAdministration administration, HttpContext http)
    {
        var deleted = await administration.DeleteAsync([id], http.RequestAborted);
        return deleted.IsFailure ? ApiProblems.For(http, deleted.Error!)
            : deleted.Value == 0 ? ApiProblems.For(http, StatusCodes.Status404NotFound, "auth.user.not_found")
            : TypedResults.NoContent();
    }

    private static UserResponse ToResponse(UserDetail detail) =>
        new(detail.Row, detail.Input.RoleIds, detail.Input.DataScope, detail.Input.CustomDepartmentIds, detail.ConcurrencyStamp);
}
