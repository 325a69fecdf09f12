using System.Net;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Api;

/// <summary>A call to make: method, concrete path, JSON body, and the status a caller allowed to make it gets.</summary>
public sealed record ApiCall(HttpMethod Method, string Path, object? Body = null, HttpStatusCode Success = HttpStatusCode.OK, string? Token = null);

/// <summary>
/// One working call per endpoint of <c>/api/v1</c>, keyed as the endpoint data source names it. A new endpoint
/// without a sample here fails <see cref="ApiEndpointTests.EveryApiEndpoint_HasASample_AndEverySampleAnEndpoint"/>.
/// Each sample makes what it needs (a user to delete, a file to download) through the services.
/// </summary>
public static class ApiEndpointSamples
{
    private static readonly HttpMethod Get = HttpMethod.Get;
    private static readonly HttpMethod Post = HttpMethod.Post;
    private static readonly HttpMethod Put = HttpMethod.Put;
    private static readonly HttpMethod Delete = HttpMethod.Delete;

    public static IReadOnlyDictionary<string, Func<ApiEndpointFixture, Task<ApiCall>>> All { get; } = new Dictionary<string, Func<ApiEndpointFixture, Task<ApiCall>>>
    {
        // auth
        ["POST /api/v1/auth/login"] = _ => Call(Post, "/api/v1/auth/login", new { login = "admin", password = OpsWebFactory.DefaultAdminPassword }),
        ["POST /api/v1/auth/refresh"] = async f => new ApiCall(Post, "/api/v1/auth/refresh", new { refreshToken = (await f.Factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword)).RefreshToken }),
        ["POST /api/v1/auth/logout"] = async f => new ApiCall(Post, "/api/v1/auth/logout", Success: HttpStatusCode.NoContent,
            Token: (await f.Factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword)).AccessToken),

        // users
        ["GET /api/v1/users"] = _ => Call(Get, "/api/v1/users?page=1&size=10&sort=-createdAt&q=adm"),
        ["GET /api/v1/users/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/users/{await f.Factory.CreateUserAsync(Unique("read"))}"),
        ["POST /api/v1/users"] = _ => Call(Post, "/api/v1/users", new { userName = Unique("made"), realName = "Made By API", roleIds = Array.Empty<long>() }, HttpStatusCode.Created),
        ["PUT /api/v1/users/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/users/{await f.Factory.CreateUserAsync(Unique("edit"))}",
            new { userName = Unique("edited"), realName = "Edited", isActive = true }),
        ["DELETE /api/v1/users/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/users/{await f.Factory.CreateUserAsync(Unique("gone"))}", Success: HttpStatusCode.NoContent),

        // workflow
        ["GET /api/v1/workflow/files/{id}"] = async f =>
        {
            await using var scope = f.Factory.Services.CreateScopeAs(new Ops.Domain.Common.Actor(1, "admin", true, false));
            using var content = new MemoryStream("attached"u8.ToArray());
            var file = await scope.ServiceProvider.GetRequiredService<IApprovalFileService>().UploadAsync("note.txt", "text/plain", content);
            return new ApiCall(Get, $"/api/v1/workflow/files/{file.Value.Id}");
        },
    };

    private static Task<ApiCall> Call(HttpMethod method, string path, object? body = null, HttpStatusCode success = HttpStatusCode.OK) =>
        Task.FromResult(new ApiCall(method, path, body, success));

    private static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];
}
