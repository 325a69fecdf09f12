using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Hosting;

/// <summary>The whole portal on a real host, on SQLite and MariaDB.</summary>
public sealed class PortalHostTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Health_Returns200Healthy(DatabaseProvider provider)
    {
        await using var factory = new OpsWebFactory(provider);
        var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Admin_SignsIn_AndSeesTheDashboard(DatabaseProvider provider)
    {
        await using var factory = new OpsWebFactory(provider);
        var client = factory.CreateClient(NoRedirects);

        var login = await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/dashboard", login.RedirectPath());
        var dashboard = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("id=\"dashboard-title\"", await dashboard.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(NoRedirects);

        var response = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedPassword_IsAnnouncedOnce_AndMustBeChangedBeforeAnythingElse()
    {
        await using var factory = new OpsWebFactory(adminPassword: null);
        var client = factory.CreateClient(NoRedirects);
        var (url, admin) = await factory.Announcer.Announced.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(admin.Created);
        Assert.NotNull(admin.GeneratedPassword);
        Assert.StartsWith("http", url, StringComparison.Ordinal);

        var login = await client.LoginAsync("admin", admin.GeneratedPassword!);
        Assert.Equal("/Account/Manage/ChangePassword?forced=true", login.RedirectPath());

        var dashboard = await client.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Redirect, dashboard.StatusCode);
        Assert.Equal("/Account/Manage/ChangePassword?forced=true", dashboard.RedirectPath());
        Assert.Contains("id=\"forced-change\"", await client.GetStringAsync("/Account/Manage/ChangePassword?forced=true"), StringComparison.Ordinal);

        var changed = await client.PostFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = admin.GeneratedPassword!,
            ["Input.NewPassword"] = "a fresh passphrase for ops",
            ["Input.ConfirmPassword"] = "a fresh passphrase for ops",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        await using var scope = factory.Services.CreateSystemScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByNameAsync("admin");
        Assert.False(user!.MustChangePassword);
    }

    [Fact]
    public async Task ChangePassword_RefusesACommonPassword_AndChangesNothing()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(NoRedirects);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        var response = await client.PostFormAsync("/Account/Manage/ChangePassword", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = OpsWebFactory.DefaultAdminPassword,
            ["Input.NewPassword"] = "password1",
            ["Input.ConfirmPassword"] = "password1",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This password is too common", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var again = factory.CreateClient(NoRedirects);
        Assert.Equal("/dashboard", (await again.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword)).RedirectPath());
    }

    [Fact]
    public async Task Login_AcceptsTheEmailAddress()
    {
        await using var factory = new OpsWebFactory();
        _ = factory.CreateClient();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
            var admin = await users.FindByNameAsync("admin");
            admin!.Email = "admin@ops.example";
            admin.NormalizedEmail = users.NormalizeEmail(admin.Email);
            await users.UpdateAsync(admin);
        }

        var login = await factory.CreateClient(NoRedirects).LoginAsync("admin@ops.example", OpsWebFactory.DefaultAdminPassword);

        Assert.Equal("/dashboard", login.RedirectPath());
    }

    [Fact]
    public async Task CultureEndpoint_SetsTheCookie_AndRefusesUnknownCultures()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(NoRedirects);

        var ok = await client.GetAsync("/culture/set?culture=en-US&redirectUri=%2FAccount%2FLogin");
        var bad = await client.GetAsync("/culture/set?culture=fr-FR");
        var offsite = await client.GetAsync("/culture/set?culture=zh-CN&redirectUri=https%3A%2F%2Fevil.example");

        Assert.Equal("/Account/Login", ok.RedirectPath());
        Assert.Contains(ok.Headers.GetValues("Set-Cookie"), c => c.Contains("c%3Den-US", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("/", offsite.RedirectPath());
    }
}
