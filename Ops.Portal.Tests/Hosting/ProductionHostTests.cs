using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ops.Portal.Tests.Hosting;

/// <summary>The build output run in the Production environment (issue 13, C and E). Reads the log, hence alone.</summary>
[Collection(ProcessWideCollection.Name)]
public sealed class ProductionHostTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Theory]
    [InlineData("/_framework/blazor.web.js")]
    [InlineData("/_content/MudBlazor/MudBlazor.min.css")]
    [InlineData("/css/ops.css")]
    public async Task BuildOutput_InProduction_ServesTheStaticAssets(string path)
    {
        await using var factory = new OpsWebFactory(environment: "Production");

        var response = await factory.CreateClient(NoRedirects).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100, $"{path} is empty");
    }

    [Fact]
    public async Task Logout_WithoutAntiforgeryToken_Is400_WithOneWarningAndNoStackTrace()
    {
        await using var factory = new OpsWebFactory(environment: "Production");
        var client = factory.CreateClient(NoRedirects);

        var first = await client.PostAsync("/Account/Logout", null);
        var second = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["returnUrl"] = "/" }));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        AssertLoggedOnlyWarnings(factory, "antiforgery", expected: 2);
    }

    [Fact]
    public async Task MfaPage_WithAnUnparsableRecoveryFlag_Is400_WithOneWarning()
    {
        await using var factory = new OpsWebFactory(environment: "Production");

        var response = await factory.CreateClient(NoRedirects).GetAsync("/Account/LoginWithMfa?recovery=abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertLoggedOnlyWarnings(factory, "query parameter", expected: 1);
    }

    private static void AssertLoggedOnlyWarnings(OpsWebFactory factory, string about, int expected)
    {
        var lines = factory.LogLines();
        Assert.DoesNotContain(lines, l => l.Contains(" ERR]", StringComparison.Ordinal) || l.StartsWith("   at ", StringComparison.Ordinal));
        Assert.True(expected == lines.Count(l => l.Contains(" WRN]", StringComparison.Ordinal) && l.Contains(about, StringComparison.Ordinal)), string.Join("\n", lines));
    }
}
