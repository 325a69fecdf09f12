namespace Ops.Portal.Tests.Hosting;

/// <summary>
/// X-Forwarded-For counts only from trusted proxies (issue 13, D). The portal is switched the way
/// deploy/ switches it, by ASPNETCORE_FORWARDEDHEADERS_ENABLED, which is process-wide.
/// </summary>
[Collection(ProcessWideCollection.Name)]
public sealed class ForwardedHeadersTests
{
    private const string Spoofed = "203.0.113.7";

    [Fact]
    public async Task UntrustedPeer_CannotChangeTheRecordedClientAddress()
    {
        // Only a proxy elsewhere is trusted; the test client connects from loopback.
        var address = await SignInThroughAsync(new() { ["Security:ForwardedHeaders:KnownProxies:0"] = "192.0.2.10" });

        Assert.Equal("127.0.0.1", address);
    }

    [Fact]
    public async Task LoopbackProxy_IsTrustedByDefault()
    {
        var address = await SignInThroughAsync(new());

        Assert.Equal(Spoofed, address);
    }

    private static async Task<string?> SignInThroughAsync(Dictionary<string, string?> settings)
    {
        await using var factory = new OpsWebFactory(settings: settings);
        string baseAddress;
        Environment.SetEnvironmentVariable("ASPNETCORE_FORWARDEDHEADERS_ENABLED", "true");
        try
        {
            baseAddress = factory.StartKestrel();
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_FORWARDEDHEADERS_ENABLED", null);
        }

        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(baseAddress) };
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Spoofed);
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        await using var scope = factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.LoginLogs.Where(l => l.UserName == "admin").Select(l => l.IpAddress).SingleAsync();
    }
}
