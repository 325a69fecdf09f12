using Microsoft.AspNetCore.Routing;
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

    public async ValueTask InitializeAsync()
    {
        AdminToken = (await Factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword)).AccessToken;
        await Factory.CreateUserAsync("nobody");
        NobodyToken = (await Factory.ApiLoginAsync("nobody")).AccessToken;
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
