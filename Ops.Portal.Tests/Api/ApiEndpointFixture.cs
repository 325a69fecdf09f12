using Microsoft.AspNetCore.Routing;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Portal.Api;

namespace Ops.Portal.Tests.Api;

/// <summary>One portal for the endpoint sweep: the admin's token, and a signed-in user who holds no permission.</summary>
public sealed class ApiEndpointFixture : IAsyncLifetime
{
    public OpsWebFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Api:RequestsPerTokenPerMinute"] = "100000",
        ["Api:RequestsPerAddressPerMinute"] = "100000",
        ["Api:SignInsPerAddressPerMinute"] = "100000",
    });

    public string AdminToken { get; private set; } = "";

    public string NobodyToken { get; private set; } = "";

    /// <summary>A published approval type: the admin applies, <c>approver</c> decides.</summary>
    public const string DefinitionCode = "api_purchase";

    public long ApproverId { get; private set; }

    public string ApproverToken { get; private set; } = "";

    /// <summary>Someone a task can be handed to.</summary>
    public long ColleagueId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        AdminToken = (await Factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword)).AccessToken;
        await Factory.CreateUserAsync("nobody");
        NobodyToken = (await Factory.ApiLoginAsync("nobody")).AccessToken;
        ApproverId = await Factory.CreateUserAsync("approver", ApprovalPermissions.Instances.Todo);
        ApproverToken = (await Factory.ApiLoginAsync("approver")).AccessToken;
        ColleagueId = await Factory.CreateUserAsync("colleague", ApprovalPermissions.Instances.Todo);
        await PublishAsync();
        await TemplateAsync();
    }

    /// <summary>An in-app template <c>api.notice</c> with one variable, <c>${text}</c>.</summary>
    public const string TemplateCode = "api.notice";

    private async Task TemplateAsync()
    {
        await using var scope = Factory.Services.CreateSystemScope();
        var created = await scope.ServiceProvider.GetRequiredService<Ops.Domain.Notifications.ITemplateService>().CreateAsync(new Ops.Domain.Notifications.TemplateInput(
            TemplateCode, "API notice", Ops.Domain.Notifications.MessageChannel.InApp, "通知", "${text}", "Notice", "${text}",
            [new Ops.Domain.Notifications.TemplateParameter("text", "text", "hello")], true));
        Assert.True(created.IsSuccess, created.Error?.ToString());
    }

    /// <summary>An application by the admin, waiting for the approver's task 1... of the returned number.</summary>
    public async Task<(long Instance, int Task)> PendingApplicationAsync()
    {
        await using var scope = Factory.Services.CreateScopeAs(new Actor(1, "admin", true, false));
        var started = await scope.ServiceProvider.GetRequiredService<IApprovalService>().StartAsync(new StartApproval(DefinitionCode, Application()));
        Assert.True(started.IsSuccess, started.Error?.ToString());
        await using var approver = Factory.Services.CreateScopeAs(new Actor(ApproverId, "approver", true, false));
        var detail = (await approver.ServiceProvider.GetRequiredService<IApprovalInbox>().GetAsync(started.Value)).Value;
        return (started.Value, detail.Tasks.First(t => t.AssigneeId == ApproverId).Number);
    }

    public static ApprovalApplication Application(string? businessId = null) =>
        new("Purchase via API", new Dictionary<string, System.Text.Json.JsonElement> { ["amount"] = FormValues.Of(120m), ["reason"] = FormValues.Of("disks") },
            ApprovalUrgency.Normal, businessId is null ? null : "erp.order", businessId);

    private async Task PublishAsync()
    {
        await using var scope = Factory.Services.CreateScopeAs(new Actor(1, "admin", true, false));
        var definitions = scope.ServiceProvider.GetRequiredService<IApprovalDefinitionService>();
        var id = (await definitions.CreateAsync(new DefinitionInput(DefinitionCode, "Purchase", "IT"))).Value;
        var process = new ApprovalProcess(
            [new StartNode("start", "Start"), new ApprovalNode("decide", "Decide", ApprovalMode.OrSign, [AssigneeRule.Users(ApproverId)]), new EndNode("end", "End")],
            [new ProcessEdge("start", "decide"), new ProcessEdge("decide", "end")]);
        var form = new ApprovalForm(
        [
            new FormField("amount", "Amount", FieldType.Amount, Required: true, Order: 1, Validation: new FieldValidation(Min: 1)),
            new FormField("reason", "Reason", FieldType.TextArea, Required: true, Order: 2),
        ]);
        Assert.True((await definitions.SaveDesignAsync(id, process, form, (await definitions.GetAsync(id)).Value.Version)).IsSuccess);
        var published = await definitions.PublishAsync(id);
        Assert.True(published.IsSuccess, published.Error?.ToString());
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();

    /// <summary>Every endpoint under <c>/api/v1</c> as "METHOD /route/pattern", with what it declares.</summary>
    public IReadOnlyDictionary<string, ApiAccess?> Endpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => (Key: $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}", Access: e.Metadata.GetMetadata<ApiAccess>())))
            .ToDictionary(p => p.Key, p => p.Access);
}
