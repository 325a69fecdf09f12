using System.Net;
using System.Text.Json;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
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

        // the caller's own account
        ["POST /api/v1/auth/password/change"] = async f => new ApiCall(Post, "/api/v1/auth/password/change",
            new { currentPassword = ApiClient.Passphrase, newPassword = "another long test passphrase" }, HttpStatusCode.NoContent, await UserTokenAsync(f)),
        ["GET /api/v1/auth/profile"] = _ => Call(Get, "/api/v1/auth/profile"),
        ["PUT /api/v1/auth/profile"] = async f => new ApiCall(Put, "/api/v1/auth/profile", new { realName = "Renamed Self" }, Token: await UserTokenAsync(f)),
        ["POST /api/v1/auth/mfa/bind"] = async f => new ApiCall(Post, "/api/v1/auth/mfa/bind", Token: await UserTokenAsync(f)),
        ["POST /api/v1/auth/mfa/verify"] = async f =>
        {
            var token = await UserTokenAsync(f);
            using var client = f.Factory.CreateApiClient(token);
            var bound = JsonDocument.Parse(await (await client.PostAsync("/api/v1/auth/mfa/bind", null)).Content.ReadAsStringAsync()).RootElement;
            var key = TotpCodes.FromBase32(bound.GetProperty("sharedKey").GetString()!);
            var code = TotpCodes.Compute(key, DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
            return new ApiCall(Post, "/api/v1/auth/mfa/verify", new { code }, Token: token);
        },
        ["GET /api/v1/auth/sso/config"] = _ => Call(Get, "/api/v1/auth/sso/config"),
        ["GET /api/v1/auth/sso/{provider}/login"] = _ => Call(Get, "/api/v1/auth/sso/oidc/login?returnUrl=%2Fdashboard", success: HttpStatusCode.Redirect),
        ["GET /api/v1/auth/tokens"] = _ => Call(Get, "/api/v1/auth/tokens"),
        ["GET /api/v1/auth/tokens/scopes"] = _ => Call(Get, "/api/v1/auth/tokens/scopes"),
        ["POST /api/v1/auth/tokens"] = _ => Call(Post, "/api/v1/auth/tokens",
            new { name = "ci pipeline", scopes = new[] { SystemPermissions.Users.View }, expiresAt = DateTimeOffset.UtcNow.AddDays(30) }, HttpStatusCode.Created),
        ["DELETE /api/v1/auth/tokens/{id:long}"] = async f =>
        {
            await using var scope = f.Factory.Services.CreateScopeAs(new Ops.Domain.Common.Actor(1, "admin", true, false));
            var made = await scope.ServiceProvider.GetRequiredService<IAccessTokenService>()
                .CreateMineAsync(new AccessTokenInput("to revoke", [SystemPermissions.Users.View], DateTimeOffset.UtcNow.AddDays(1)));
            return new ApiCall(Delete, $"/api/v1/auth/tokens/{made.Value.Id}", Success: HttpStatusCode.NoContent);
        },

        // users
        ["GET /api/v1/users"] = _ => Call(Get, "/api/v1/users?page=1&size=10&sort=-createdAt&q=adm"),
        ["GET /api/v1/users/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/users/{await f.Factory.CreateUserAsync(Unique("read"))}"),
        ["POST /api/v1/users"] = _ => Call(Post, "/api/v1/users", new { userName = Unique("made"), realName = "Made By API", roleIds = Array.Empty<long>() }, HttpStatusCode.Created),
        ["PUT /api/v1/users/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/users/{await f.Factory.CreateUserAsync(Unique("edit"))}",
            new { userName = Unique("edited"), realName = "Edited", isActive = true }),
        ["DELETE /api/v1/users/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/users/{await f.Factory.CreateUserAsync(Unique("gone"))}", Success: HttpStatusCode.NoContent),

        // departments
        ["GET /api/v1/departments"] = _ => Call(Get, "/api/v1/departments?page=1&size=50&sort=-name"),
        ["GET /api/v1/departments/tree"] = _ => Call(Get, "/api/v1/departments/tree"),
        ["GET /api/v1/departments/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/departments/{await DepartmentAsync(f)}"),
        ["POST /api/v1/departments"] = _ => Call(Post, "/api/v1/departments", new { name = Unique("dept"), code = Unique("d"), sortOrder = 1 }, HttpStatusCode.Created),
        ["PUT /api/v1/departments/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/departments/{await DepartmentAsync(f)}", new { name = Unique("renamed"), code = Unique("r"), sortOrder = 2 }),
        ["DELETE /api/v1/departments/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/departments/{await DepartmentAsync(f)}", Success: HttpStatusCode.NoContent),

        // roles
        ["GET /api/v1/roles"] = _ => Call(Get, "/api/v1/roles?q=admin"),
        ["GET /api/v1/roles/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/roles/{await RoleAsync(f)}"),
        ["POST /api/v1/roles"] = _ => Call(Post, "/api/v1/roles", RoleBody(), HttpStatusCode.Created),
        ["PUT /api/v1/roles/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/roles/{await RoleAsync(f)}", RoleBody()),
        ["DELETE /api/v1/roles/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/roles/{await RoleAsync(f)}", Success: HttpStatusCode.NoContent),
        ["PUT /api/v1/roles/{id:long}/permissions"] = async f => new ApiCall(Put, $"/api/v1/roles/{await RoleAsync(f)}/permissions",
            new { permissions = new[] { SystemPermissions.Users.View } }),

        // reports and data sources
        ["GET /api/v1/reports"] = _ => Call(Get, "/api/v1/reports?page=1&size=20&status=published&sort=-updatedAt"),
        ["GET /api/v1/reports/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/reports/{await ReportAsync(f)}"),
        ["GET /api/v1/reports/{id:long}/data"] = async f => new ApiCall(Get, $"/api/v1/reports/{await ReportAsync(f)}/data?minimum=10"),
        ["GET /api/v1/reports/{id:long}/export"] = async f => new ApiCall(Get, $"/api/v1/reports/{await ReportAsync(f)}/export?format=csv&minimum=10"),
        ["GET /api/v1/datasources"] = _ => Call(Get, "/api/v1/datasources?type=sqlite&enabled=true"),
        ["GET /api/v1/datasources/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/datasources/{await SqliteSourceAsync(f)}"),
        ["POST /api/v1/datasources"] = _ => Call(Post, "/api/v1/datasources", new { name = Unique("src"), type = "sqlite", database = SqliteFile(), enabled = true }, HttpStatusCode.Created),
        ["PUT /api/v1/datasources/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/datasources/{await SqliteSourceAsync(f)}",
            new { name = Unique("src"), type = "sqlite", database = SqliteFile(), enabled = true, queryTimeoutSeconds = 20 }),
        ["DELETE /api/v1/datasources/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/datasources/{await SqliteSourceAsync(f)}", Success: HttpStatusCode.NoContent),
        ["POST /api/v1/datasources/{id:long}/test"] = async f => new ApiCall(Post, $"/api/v1/datasources/{await SqliteSourceAsync(f)}/test"),

        // jobs
        ["GET /api/v1/jobs"] = _ => Call(Get, "/api/v1/jobs?page=1&size=20&type=shell&enabled=true&sort=name"),
        ["GET /api/v1/jobs/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/jobs/{await JobAsync(f)}"),
        ["POST /api/v1/jobs"] = _ => Call(Post, "/api/v1/jobs", ShellJob("echo made"), HttpStatusCode.Created),
        ["PUT /api/v1/jobs/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/jobs/{await JobAsync(f)}", ShellJob("echo edited")),
        ["DELETE /api/v1/jobs/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/jobs/{await JobAsync(f)}", Success: HttpStatusCode.NoContent),
        ["POST /api/v1/jobs/{id:long}/execute"] = async f => new ApiCall(Post, $"/api/v1/jobs/{await JobAsync(f)}/execute", new { parameters = new { day = "2026-12-07" } }, HttpStatusCode.Accepted),
        ["POST /api/v1/jobs/{id:long}/stop"] = async f => new ApiCall(Post, $"/api/v1/jobs/{await JobAsync(f)}/stop"),
        ["GET /api/v1/jobs/{id:long}/logs"] = async f => new ApiCall(Get, $"/api/v1/jobs/{await JobAsync(f)}/logs?status=success"),
        ["GET /api/v1/jobs/{id:long}/logs/{logId:long}"] = async f =>
        {
            var job = await JobAsync(f);
            await using var scope = AsAdmin(f);
            var run = await scope.ServiceProvider.GetRequiredService<IJobRunService>().RunNowAsync(job);
            return new ApiCall(Get, $"/api/v1/jobs/{job}/logs/{run.Value}");
        },
        ["GET /api/v1/jobs/{id:long}/alerts"] = async f => new ApiCall(Get, $"/api/v1/jobs/{await JobAsync(f)}/alerts"),

        // job flows
        ["GET /api/v1/job-flows"] = _ => Call(Get, "/api/v1/job-flows?q=flow"),
        ["GET /api/v1/job-flows/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/job-flows/{await FlowAsync(f)}"),
        ["POST /api/v1/job-flows"] = async f => new ApiCall(Post, "/api/v1/job-flows", FlowBody(await JobAsync(f)), HttpStatusCode.Created),
        ["PUT /api/v1/job-flows/{id:long}"] = async f => new ApiCall(Put, $"/api/v1/job-flows/{await FlowAsync(f)}", FlowBody(await JobAsync(f))),
        ["DELETE /api/v1/job-flows/{id:long}"] = async f => new ApiCall(Delete, $"/api/v1/job-flows/{await FlowAsync(f)}", Success: HttpStatusCode.NoContent),
        ["POST /api/v1/job-flows/{id:long}/execute"] = async f => new ApiCall(Post, $"/api/v1/job-flows/{await FlowAsync(f)}/execute", Success: HttpStatusCode.Accepted),
        ["GET /api/v1/job-flows/{id:long}/instances"] = async f => new ApiCall(Get, $"/api/v1/job-flows/{await FlowAsync(f)}/instances?status=success"),
        ["GET /api/v1/job-flows/{id:long}/instances/{instanceId:long}"] = async f =>
        {
            var (flow, instance) = await FlowInstanceAsync(f, "echo done");
            return new ApiCall(Get, $"/api/v1/job-flows/{flow}/instances/{instance}");
        },
        ["POST /api/v1/job-flows/{id:long}/instances/{instanceId:long}/cancel"] = async f =>
        {
            var (flow, instance) = await FlowInstanceAsync(f, "sleep 30");
            return new ApiCall(Post, $"/api/v1/job-flows/{flow}/instances/{instance}/cancel", Success: HttpStatusCode.NoContent);
        },

        // notifications
        ["POST /api/v1/notifications/send"] = _ => Call(Post, "/api/v1/notifications/send",
            new { templateCode = ApiEndpointFixture.TemplateCode, userIds = new[] { 1L }, variables = new { text = "Deploy done" }, idempotencyKey = Unique("send") }, HttpStatusCode.Accepted),
        ["GET /api/v1/notifications"] = _ => Call(Get, "/api/v1/notifications?read=false&page=1&size=10"),
        ["GET /api/v1/notifications/unread-count"] = _ => Call(Get, "/api/v1/notifications/unread-count"),
        ["POST /api/v1/notifications/read"] = _ => Call(Post, "/api/v1/notifications/read", new { ids = new[] { 1L, 2L } }),
        ["POST /api/v1/notifications/read-all"] = _ => Call(Post, "/api/v1/notifications/read-all"),

        // audit
        ["GET /api/v1/audit/login-logs"] = _ => Call(Get, "/api/v1/audit/login-logs?result=success&type=password&page=1&size=20"),

        // workflow
        ["GET /api/v1/workflow/definitions"] = _ => Call(Get, "/api/v1/workflow/definitions"),
        ["GET /api/v1/workflow/definitions/{code}"] = _ => Call(Get, $"/api/v1/workflow/definitions/{ApiEndpointFixture.DefinitionCode}"),
        ["POST /api/v1/workflow/instances"] = _ => Call(Post, "/api/v1/workflow/instances", new
        {
            definitionCode = ApiEndpointFixture.DefinitionCode, title = "New disks", formData = new { amount = 300, reason = "capacity" },
            businessType = "erp.order", businessId = Unique("PO"),
        }, HttpStatusCode.Created),
        ["GET /api/v1/workflow/instances/{id:long}"] = async f => new ApiCall(Get, $"/api/v1/workflow/instances/{(await f.PendingApplicationAsync()).Instance}"),
        ["POST /api/v1/workflow/instances/{id:long}/tasks/{number:int}/approve"] = async f => TaskCall(await f.PendingApplicationAsync(), "approve", new { comment = "ok" }, f),
        ["POST /api/v1/workflow/instances/{id:long}/tasks/{number:int}/reject"] = async f => TaskCall(await f.PendingApplicationAsync(), "reject", new { comment = "no", target = "end" }, f),
        ["POST /api/v1/workflow/instances/{id:long}/tasks/{number:int}/transfer"] = async f => TaskCall(await f.PendingApplicationAsync(), "transfer", new { toUserId = f.ColleagueId, comment = "yours" }, f) with
        {
            Success = HttpStatusCode.NoContent, // handed on: the approver no longer sees the application
        },
        ["POST /api/v1/workflow/instances/{id:long}/comments"] = async f => new ApiCall(Post, $"/api/v1/workflow/instances/{(await f.PendingApplicationAsync()).Instance}/comments", new { text = "any news?" }),
        ["POST /api/v1/workflow/instances/{id:long}/withdraw"] = async f => new ApiCall(Post, $"/api/v1/workflow/instances/{(await f.PendingApplicationAsync()).Instance}/withdraw", new { comment = "not needed" }),
        ["GET /api/v1/workflow/inbox"] = _ => Call(Get, "/api/v1/workflow/inbox?box=mine&status=pending"),
        ["GET /api/v1/workflow/files/{id}"] = async f =>
        {
            await using var scope = f.Factory.Services.CreateScopeAs(new Ops.Domain.Common.Actor(1, "admin", true, false));
            using var content = new MemoryStream("attached"u8.ToArray());
            var file = await scope.ServiceProvider.GetRequiredService<IApprovalFileService>().UploadAsync("note.txt", "text/plain", content);
            return new ApiCall(Get, $"/api/v1/workflow/files/{file.Value.Id}");
        },
    };

    /// <summary>A fresh user's access token, for calls that change the caller's own account.</summary>
    private static async Task<string> UserTokenAsync(ApiEndpointFixture f)
    {
        var name = Unique("self");
        await f.Factory.CreateUserAsync(name);
        return (await f.Factory.ApiLoginAsync(name)).AccessToken;
    }

    private static ApiCall TaskCall((long Instance, int Task) pending, string action, object body, ApiEndpointFixture f) =>
        new(Post, $"/api/v1/workflow/instances/{pending.Instance}/tasks/{pending.Task}/{action}", body, Token: f.ApproverToken);

    private static AsyncServiceScope AsAdmin(ApiEndpointFixture f) => f.Factory.Services.CreateScopeAs(new Ops.Domain.Common.Actor(1, "admin", true, false));

    private static object ShellJob(string script) => new
    {
        name = Unique("job"), type = "shell", cron = "0 0 0 1 1 ? 2099", timeZone = "UTC",
        config = JobConfigJson.Serialize(new ShellJobConfig(script)), timeoutSeconds = 60, enabled = true,
    };

    private static async Task<long> JobAsync(ApiEndpointFixture f, string script = "echo hi")
    {
        await using var scope = AsAdmin(f);
        var input = new JobInput(Unique("job"), null, JobType.Shell, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new ShellJobConfig(script)), TimeoutSeconds: 60);
        return (await scope.ServiceProvider.GetRequiredService<IJobService>().CreateAsync(input)).Value;
    }

    private static FlowInput FlowBody(long jobId) =>
        new(Unique("flow"), null, null, "UTC", true, null, 2, [new FlowNodeInput("a", jobId, 0, 0)], []);

    private static async Task<long> FlowAsync(ApiEndpointFixture f, string script = "echo hi")
    {
        var job = await JobAsync(f, script);
        await using var scope = AsAdmin(f);
        var created = await scope.ServiceProvider.GetRequiredService<IJobFlowService>().CreateAsync(FlowBody(job));
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private static async Task<(long Flow, long Instance)> FlowInstanceAsync(ApiEndpointFixture f, string script)
    {
        var flow = await FlowAsync(f, script);
        await using var scope = AsAdmin(f);
        return (flow, (await scope.ServiceProvider.GetRequiredService<IFlowRunService>().RunNowAsync(flow)).Value);
    }

    private static object RoleBody() => new { code = Unique("role"), name = Unique("Role"), sortOrder = 1, isActive = true, dataScope = "self", customDepartmentIds = Array.Empty<long>() };

    private static async Task<long> DepartmentAsync(ApiEndpointFixture f)
    {
        await using var scope = f.Factory.Services.CreateSystemScope();
        var code = Unique("d");
        return (await scope.ServiceProvider.GetRequiredService<IDepartmentService>().CreateAsync(new DepartmentInput(code, code, null, null, 0))).Value;
    }

    private static async Task<long> RoleAsync(ApiEndpointFixture f)
    {
        await using var scope = f.Factory.Services.CreateSystemScope();
        var code = Unique("role");
        return (await scope.ServiceProvider.GetRequiredService<IRoleService>().CreateAsync(new RoleInput(code, code, null, null, 0, true, DataScope.Self, [], false))).Value;
    }

    private static Task<ApiCall> Call(HttpMethod method, string path, object? body = null, HttpStatusCode success = HttpStatusCode.OK) =>
        Task.FromResult(new ApiCall(method, path, body, success));

    /// <summary>A SQLite file with a small table, for data sources and reports.</summary>
    private static string SqliteFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ops-api-{Guid.NewGuid():N}.db");
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE sales (region TEXT, amount NUMERIC); INSERT INTO sales VALUES ('east', 10), ('west', 20);";
        command.ExecuteNonQuery();
        return file;
    }

    internal static async Task<long> SqliteSourceAsync(ApiEndpointFixture f)
    {
        await using var scope = AsAdmin(f);
        var created = await scope.ServiceProvider.GetRequiredService<Ops.Domain.Reports.IDataSourceService>().CreateAsync(
            new Ops.Domain.Reports.DataSourceInput(Unique("src"), Ops.Domain.Reports.DataSourceType.Sqlite, null, null, SqliteFile(), null, null, null, true));
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    /// <summary>A public, published report over <see cref="SqliteFile"/> with a number parameter.</summary>
    internal static async Task<long> ReportAsync(ApiEndpointFixture f)
    {
        var source = await SqliteSourceAsync(f);
        await using var scope = AsAdmin(f);
        var reports = scope.ServiceProvider.GetRequiredService<Ops.Domain.Reports.IReportService>();
        var definition = new Ops.Domain.Reports.ReportDefinition("SELECT region, amount FROM sales WHERE amount >= {{minimum}}",
            [new Ops.Domain.Reports.Queries.ReportParameter("minimum", Ops.Domain.Reports.Queries.ReportParameterType.Number, Default: "0")]);
        var id = (await reports.CreateAsync(new Ops.Domain.Reports.ReportInput(Unique("report"), null, null, source, true, false, definition, []))).Value;
        Assert.True((await reports.PublishAsync(id, (await reports.GetAsync(id)).Value.Version)).IsSuccess);
        return id;
    }

    private static string Unique(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];
}
