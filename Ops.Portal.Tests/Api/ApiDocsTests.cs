using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ops.Portal.Tests.Api;

/// <summary>The OpenAPI document lists every endpoint; it and the interactive reference are for signed-in users.</summary>
public sealed partial class ApiDocsTests(ApiEndpointFixture fixture) : IClassFixture<ApiEndpointFixture>
{
    [Fact]
    public async Task TheOpenApiDocument_ListsEveryEndpoint_WithTheBearerScheme()
    {
        using var client = fixture.Factory.CreateApiClient(fixture.AdminToken);

        var document = JsonDocument.Parse(await client.GetStringAsync("/api/openapi/v1.json")).RootElement;

        Assert.StartsWith("3.1", document.GetProperty("openapi").GetString(), StringComparison.Ordinal);
        var listed = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet(StringComparer.Ordinal);
        var endpoints = fixture.Endpoints().Keys.Select(k => Constraint().Replace(k, "}")).ToList();
        var missing = endpoints.Where(e => !listed.Contains(e)).ToList();
        Assert.True(missing.Count == 0, "not in the document: " + string.Join(", ", missing));
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task TheReference_IsForSignedInUsers()
    {
        var anonymous = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var browser = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await browser.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        var refused = await anonymous.GetAsync("/api/docs");
        var page = await browser.GetAsync("/api/docs/");
        var document = await anonymous.GetAsync("/api/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Account/Login", refused.RedirectPath(), StringComparison.Ordinal);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{page.StatusCode} {page.Headers.Location}");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("api/openapi/v1.json", html, StringComparison.Ordinal);

        // The reference's script comes from the portal itself: an intranet reaches no CDN.
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, src => Assert.DoesNotContain("://", src, StringComparison.Ordinal));
        foreach (var src in scripts)
        {
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), src))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, document.StatusCode);
    }

    [GeneratedRegex("<script[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();

    // "{id:long}" in a route is "{id}" in OpenAPI.
    [GeneratedRegex(":[a-z]+}")]
    private static partial Regex Constraint();
}
