using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ops.Portal.Tests.Api;

/// <summary>Sending by template through the API: queued once per key, refused for an unknown template.</summary>
public sealed class NotificationApiTests(ApiEndpointFixture fixture) : IClassFixture<ApiEndpointFixture>
{
    [Fact]
    public async Task ARetriedSend_QueuesNothingMore()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);
        var body = new { templateCode = ApiEndpointFixture.TemplateCode, userIds = new[] { fixture.ApproverId }, variables = new { text = "Backup done" } };
        var key = Guid.NewGuid().ToString("N");

        var first = await SendAsync(client, body, key);
        var retry = await SendAsync(client, body, key);

        Assert.Equal(1, first);
        Assert.Equal(0, retry);
    }

    [Fact]
    public async Task AnUnknownTemplate_IsRefused()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var refused = await client.PostAsJsonAsync("/api/v1/notifications/send", new { templateCode = "no.such.template", userIds = new[] { 1L } });

        Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, refused.StatusCode.ToString());
    }

    private static async Task<int> SendAsync(HttpClient client, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications/send") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("queued").GetInt32();
    }
}
