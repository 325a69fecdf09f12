using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ops.Portal.Tests.Api;

/// <summary>A business system starts an application and reads its state; an approver acts on it through the API.</summary>
public sealed class WorkflowApiTests(ApiEndpointFixture fixture) : IClassFixture<ApiEndpointFixture>
{
    [Fact]
    public async Task StartingTwice_ForOneBusinessRecord_GivesOneApplication()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);
        var order = "PO-" + Guid.NewGuid().ToString("N")[..10];
        var body = new { definitionCode = ApiEndpointFixture.DefinitionCode, title = "Disks for " + order, formData = new { amount = 80, reason = "disks" }, businessType = "erp.order", businessId = order };

        var first = await client.PostAsJsonAsync("/api/v1/workflow/instances", body);
        var again = await client.PostAsJsonAsync("/api/v1/workflow/instances", body);
        var other = await client.PostAsJsonAsync("/api/v1/workflow/instances", body with { businessId = order + "-2" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(IdOf(await first.Content.ReadAsStringAsync()), IdOf(await again.Content.ReadAsStringAsync()));
        Assert.NotEqual(IdOf(await first.Content.ReadAsStringAsync()), IdOf(await other.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task TheApprover_ApprovesThroughTheApi_AndTheBusinessSystemReadsTheOutcome()
    {
        var (instance, task) = await fixture.PendingApplicationAsync();
        using var approver = fixture.Factory.CreateApiClient(fixture.ApproverToken);
        using var system = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var todo = JsonDocument.Parse(await approver.GetStringAsync("/api/v1/workflow/inbox?box=todo")).RootElement;
        Assert.Contains(todo.GetProperty("items").EnumerateArray(), r => r.GetProperty("instanceId").GetInt64() == instance);
        var approved = await approver.PostAsJsonAsync($"/api/v1/workflow/instances/{instance}/tasks/{task}/approve", new { comment = "fine" });
        var state = JsonDocument.Parse(await system.GetStringAsync($"/api/v1/workflow/instances/{instance}")).RootElement;

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("approved", state.GetProperty("status").GetString());
        Assert.Contains(state.GetProperty("timeline").EnumerateArray(), r => r.GetProperty("action").GetString() == "approve" && r.GetProperty("comment").GetString() == "fine");
    }

    [Fact]
    public async Task ABadForm_IsRefused_OnItsField()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var refused = await ApiClient.ProblemOf(await client.PostAsJsonAsync("/api/v1/workflow/instances",
            new { definitionCode = ApiEndpointFixture.DefinitionCode, title = "No amount", formData = new { reason = "x" } }));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
    }

    private static long IdOf(string json) => JsonDocument.Parse(json).RootElement.GetProperty("id").GetInt64();
}
