using System.Net;
using System.Text.Json;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Api;

/// <summary>A report's rows through the API: filter values from the query string, typed; refusals as problems; visibility as on the page.</summary>
public sealed class ReportApiTests(ApiEndpointFixture fixture) : IClassFixture<ApiEndpointFixture>
{
    [Fact]
    public async Task Data_TakesTheFilterValuesFromTheQueryString_AndRefusesAWrongType()
    {
        var id = await ApiEndpointSamples.ReportAsync(fixture);
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var filtered = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/reports/{id}/data?minimum=15")).Content.ReadAsStringAsync()).RootElement;
        var refused = await client.GetAsync($"/api/v1/reports/{id}/data?minimum=fifteen");
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(["region", "amount"], filtered.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var row = Assert.Single(filtered.GetProperty("rows").EnumerateArray());
        Assert.Equal("west", row[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("report.parameter.not_a_number", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task AReportThatIsNotSharedWithTheCaller_IsNotFound()
    {
        var id = await ApiEndpointSamples.ReportAsync(fixture);
        await using (var scope = fixture.Factory.Services.CreateSystemScope())
        {
            var reports = scope.ServiceProvider.GetRequiredService<Ops.Domain.Reports.IReportService>();
            var detail = (await reports.GetAsync(id)).Value;
            Assert.True((await reports.UpdateAsync(id, detail.Input with { IsPublic = false }, detail.Version)).IsSuccess);
            Assert.True((await reports.PublishAsync(id, (await reports.GetAsync(id)).Value.Version)).IsSuccess);
        }

        var user = $"reader_{Guid.NewGuid():N}"[..16];
        await fixture.Factory.CreateUserAsync(user, ReportPermissions.Reports.View);
        var token = (await fixture.Factory.ApiLoginAsync(user, ApiClient.Passphrase)).AccessToken;
        using var client = fixture.Factory.CreateApiClient(token);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/reports/{id}/data")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/reports/{id}")).StatusCode);
    }
}
