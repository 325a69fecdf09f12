using Ops.Portal.Components.Account;

namespace Ops.Portal.Tests.Hosting;

public sealed class RedirectTests
{
    [Theory]
    [InlineData("/dashboard", true)]
    [InlineData("/system/users?page=2&q=a:b", true)]
    [InlineData("Account/Login", true)]
    [InlineData("", true)]
    [InlineData("https://evil.example/", false)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("\\\\evil.example", false)]
    [InlineData("javascript:alert(1)", false)]
    public void OnlyLocalPaths_AreFollowed(string uri, bool local) =>
        Assert.Equal(local, IdentityRedirectManager.IsLocal(uri));

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    public async Task Login_WithAForeignReturnUrl_LandsOnTheDashboard(string returnUrl)
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.PostFormAsync($"/Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "login",
            new Dictionary<string, string> { ["Input.Login"] = "admin", ["Input.Password"] = OpsWebFactory.DefaultAdminPassword });

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.RedirectPath());
    }
}
