using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Ops.Portal.Tests.Api;

/// <summary>What every endpoint shares: problem documents for bad input, ETag and If-Match, camelCase enums, paging.</summary>
public sealed class ApiConventionTests(ApiEndpointFixture fixture) : IClassFixture<ApiEndpointFixture>
{
    [Fact]
    public async Task AnUnknownFilterValue_OrMalformedJson_IsA400Problem()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var badEnum = await ApiClient.ProblemOf(await client.GetAsync("/api/v1/jobs?type=cobol"));
        var badJson = await ApiClient.ProblemOf(await client.PostAsync("/api/v1/users", new StringContent("{\"userName\":", Encoding.UTF8, "application/json")));

        Assert.Equal((HttpStatusCode.BadRequest, "api.bad_request"), (badEnum.Status, badEnum.Code));
        Assert.Contains("shell", badEnum.Detail, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.BadRequest, "api.bad_request"), (badJson.Status, badJson.Code));
    }

    [Fact]
    public async Task AnUnknownRoute_IsA404Problem_NotThePortalsPage()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var problem = await ApiClient.ProblemOf(await client.GetAsync("/api/v1/no-such-thing"));

        Assert.Equal((HttpStatusCode.NotFound, "api.not_found"), (problem.Status, problem.Code));
    }

    [Fact]
    public async Task ARefusedField_IsNamedUnderErrors_ByItsJsonName()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var problem = await ApiClient.ProblemOf(await client.PostAsJsonAsync("/api/v1/users", new { userName = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.True(problem.Body.GetProperty("errors").TryGetProperty("userName", out var messages), problem.Body.ToString());
        Assert.Equal(problem.Detail, messages[0].GetString());
    }

    [Fact]
    public async Task AnUpdate_WithAStaleETag_Is412_AndChangesNothing()
    {
        var id = await fixture.Factory.CreateUserAsync("etag_" + Guid.NewGuid().ToString("N")[..8]);
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);
        var read = await client.GetAsync($"/api/v1/users/{id}");
        var etag = read.Headers.ETag!;
        var user = JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement.GetProperty("user");
        var name = user.GetProperty("userName").GetString();

        var first = await PutAsync(client, id, name!, "First", etag);
        var second = await PutAsync(client, id, name!, "Second", etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(etag, first.Headers.ETag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, second.StatusCode);
        var now = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/users/{id}")).RootElement;
        Assert.Equal("First", now.GetProperty("user").GetProperty("realName").GetString());
    }

    [Fact]
    public async Task Enums_ReadAndWriteInCamelCase()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var created = await client.PostAsJsonAsync("/api/v1/jobs", new
        {
            name = "camel_" + Guid.NewGuid().ToString("N")[..8], type = "shell", cron = "0 0 0 1 1 ? 2099", timeZone = "UTC",
            config = "{\"script\":\"echo hi\"}", concurrency = "forbid",
        });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        var job = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/jobs/{id}")).RootElement;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("shell", job.GetProperty("input").GetProperty("type").GetString());
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, long id, string userName, string realName, EntityTagHeaderValue etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/users/{id}") { Content = JsonContent.Create(new { userName, realName, isActive = true }) };
        request.Headers.IfMatch.Add(etag);
        return await client.SendAsync(request);
    }
}
