using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ops.Portal.Tests.Hosting;

/// <summary>Response headers and cookie flags the penetration test asked for (issue 13, B).</summary>
public sealed partial class SecurityHeadersTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Fact]
    public async Task Pages_CarryAContentSecurityPolicy_AndTheImportMapRunsByItsNonce()
    {
        await using var factory = new OpsWebFactory();
        var response = await factory.CreateClient(NoRedirects).GetAsync("/Account/Login");

        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        var directives = policy.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d, StringComparer.Ordinal);
        Assert.Equal("default-src 'self'", directives["default-src"]);
        Assert.DoesNotContain("'unsafe-inline'", directives["script-src"], StringComparison.Ordinal);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'self'", directives["base-uri"]);
        Assert.Equal("form-action 'self'", directives["form-action"]);
        Assert.Equal("frame-ancestors 'self'", directives["frame-ancestors"]);
        Assert.Equal("img-src 'self' data:", directives["img-src"]);
        var nonce = Nonce().Match(directives["script-src"]).Groups[1].Value;
        Assert.NotEmpty(nonce);
        var importMap = ImportMapTag().Match(await response.Content.ReadAsStringAsync());
        Assert.True(importMap.Success, "no import map on the page");
        Assert.Contains($"nonce=\"{nonce}\"", importMap.Value, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task OverTls_HstsLastsAYearWithSubdomains_AndCookiesAreSecure()
    {
        await using var factory = new OpsWebFactory();
        var tls = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://ops.example") });
        var plain = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("http://ops.example") });

        var login = await tls.GetAsync("/Account/Login");
        var culture = await tls.GetAsync("/culture/set?culture=en-US");
        var plainLogin = await plain.GetAsync("/Account/Login");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(login.Headers.GetValues("Strict-Transport-Security")));
        Assert.All(login.Headers.GetValues("Set-Cookie"), c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(culture.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(plainLogin.Headers.Contains("Strict-Transport-Security"));
        Assert.All(plainLogin.Headers.GetValues("Set-Cookie"), c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Kestrel_SendsNoServerBanner()
    {
        await using var factory = new OpsWebFactory();
        var address = factory.StartKestrel();
        using var client = new HttpClient();

        var response = await client.GetAsync(address + "/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Server"), string.Join(",", response.Headers.Select(h => h.Key)));
    }

    [GeneratedRegex("'nonce-([^']+)'")]
    private static partial Regex Nonce();

    [GeneratedRegex("<script[^>]*importmap[^>]*>")]
    private static partial Regex ImportMapTag();
}
