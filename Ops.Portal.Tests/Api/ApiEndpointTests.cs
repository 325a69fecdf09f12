using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Ops.Portal.Tests.Api;

/// <summary>
/// Every endpoint of <c>/api/v1</c>, read from the endpoint data source: 401 without a token, 403 for a signed-in
/// user without its permission, and its success status for a caller who holds it.
/// </summary>
public sealed class ApiEndpointTests(ApiEndpointFixture fixture) : IClassFixture<ApiEndpointFixture>
{
    public static TheoryData<string> Keys => [.. ApiEndpointSamples.All.Keys.Order(StringComparer.Ordinal)];

    [Fact]
    public void EveryApiEndpoint_HasASample_AndEverySampleAnEndpoint()
    {
        var endpoints = fixture.Endpoints();

        Assert.Empty(endpoints.Keys.Except(ApiEndpointSamples.All.Keys).Order(StringComparer.Ordinal));
        Assert.Empty(ApiEndpointSamples.All.Keys.Except(endpoints.Keys).Order(StringComparer.Ordinal));
        Assert.All(endpoints, e => Assert.True(e.Value is not null, $"{e.Key} declares no ApiAccess"));
    }

    [Fact]
    public void EveryCodeAnEndpointDemands_IsInThePermissionCatalogue()
    {
        var demanded = fixture.Endpoints().Values.SelectMany(a => a!.AnyOf).Distinct().ToList();

        Assert.NotEmpty(demanded);
        Assert.All(demanded, code => Assert.NotNull(Ops.Domain.Auth.PermissionCatalog.Find(code)));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task Endpoint_Refuses401_Then403_ThenServes(string key)
    {
        var access = fixture.Endpoints()[key]!;
        var call = await ApiEndpointSamples.All[key](fixture);

        if (!access.Anonymous)
        {
            var anonymous = await SendAsync(call, token: null);
            Assert.True(anonymous.StatusCode == HttpStatusCode.Unauthorized, $"{key} without a token: {(int)anonymous.StatusCode}");
        }

        if (access.AnyOf.Count > 0)
        {
            var refused = await SendAsync(call, fixture.NobodyToken);
            Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{key} without {string.Join("|", access.AnyOf)}: {(int)refused.StatusCode}");
        }

        var served = await SendAsync(call, call.Token ?? fixture.AdminToken);
        Assert.True(served.StatusCode == call.Success, $"{key}: {(int)served.StatusCode} {await served.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpResponseMessage> SendAsync(ApiCall call, string? token)
    {
        using var client = fixture.Factory.CreateApiClient(token);
        using var request = new HttpRequestMessage(call.Method, call.Path);
        if (call.Body is not null)
        {
            request.Content = JsonContent.Create(call.Body);
        }

        return await client.SendAsync(request);
    }
}
