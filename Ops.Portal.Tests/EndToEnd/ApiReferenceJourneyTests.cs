namespace Ops.Portal.Tests.EndToEnd;

/// <summary>The API's interactive reference renders in Chromium from the portal alone: no CDN, no CSP violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task ASignedInUser_ReadsTheApiReference()
    {
        var page = await browser.NewPageAsync();
        var violations = await page.CollectCspViolationsAsync();
        var outside = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(browser.BaseUrl, StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                outside.Add(request.Url);
            }
        };
        await page.SignInAsync("admin", OpsWebFactory.DefaultAdminPassword);
        await page.WaitForUrlOrSayWhyAsync(u => u.Contains("/dashboard", StringComparison.Ordinal));

        await page.GotoAsync("/api/docs");
        await page.GetByText("/api/v1/auth/login").First.WaitForAsync(new() { Timeout = 30_000 });

        Assert.True(violations.Count == 0, string.Join("\n", violations));
        Assert.Empty(outside);
        await page.Context.CloseAsync();
    }
}
