using System.Net;
using Microsoft.AspNetCore.Identity;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Auth.Sso;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>Single sign-on against local stand-ins of the providers' endpoints.</summary>
public sealed class SsoTests
{
    public static TheoryData<SsoKind> Kinds => [SsoKind.WeCom, SsoKind.DingTalk, SsoKind.Feishu, SsoKind.Oidc];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task LinkedUser_SignsIn_ThroughTheProvider(SsoKind kind)
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ConfigureAsync(factory, standIn, kind);
        await CreateUserAsync(factory, "zhang.wei", u => SetLink(u, kind, standIn.UserId));

        var landed = await FlowAsync(portal, kind);

        Assert.Equal("/dashboard", landed.RedirectPath());
        Assert.Equal(HttpStatusCode.OK, (await portal.GetAsync("/dashboard")).StatusCode);
        var log = await LastLoginAsync(factory);
        Assert.Equal((LoginType.Sso, LoginResult.Success, "zhang.wei"), (log.Type, log.Result, log.UserName));
    }

    [Fact]
    public async Task UnknownUser_IsRefusedWithAClearMessage()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        portal.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        await ConfigureAsync(factory, standIn, SsoKind.WeCom);

        var landed = await FlowAsync(portal, SsoKind.WeCom);

        Assert.StartsWith("/Account/Login?ssoError=auth.sso.unknown_user", landed.RedirectPath(), StringComparison.Ordinal);
        Assert.Contains("No user is linked to this account", await portal.GetStringAsync(landed.RedirectPath()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.GetAsync("/dashboard")).StatusCode);
        Assert.Equal((LoginResult.Failed, "sso_unknown_user"), ((await LastLoginAsync(factory)).Result, (await LastLoginAsync(factory)).FailureReason));
    }

    [Fact]
    public async Task FirstSignIn_LinksByVerifiedEmail_WhenTheAdministratorAllowsIt()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ConfigureAsync(factory, standIn, SsoKind.Oidc, allowEmailMatch: true);
        await CreateUserAsync(factory, "unconfirmed", u => (u.Email, u.NormalizedEmail, u.PhoneNumber) = ("other@ops.example", "OTHER@OPS.EXAMPLE", null));
        await CreateUserAsync(factory, "by.email", u => (u.Email, u.NormalizedEmail, u.EmailConfirmed) = (standIn.Email, standIn.Email!.ToUpperInvariant(), true));

        var landed = await FlowAsync(portal, SsoKind.Oidc);

        Assert.Equal("/dashboard", landed.RedirectPath());
        await using var scope = factory.Services.CreateSystemScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByNameAsync("by.email");
        Assert.Equal(standIn.UserId, user!.OidcSubject);
    }

    [Fact]
    public async Task SignedInUser_BindsTheProviderAccount_FromAFreshSession()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ConfigureAsync(factory, standIn, SsoKind.DingTalk);
        await CreateUserAsync(factory, "binder", u => { });
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
            Assert.True((await users.AddPasswordAsync((await users.FindByNameAsync("binder"))!, "binding passphrase")).Succeeded);
        }

        await portal.LoginAsync("binder", "binding passphrase");
        using var external = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var start = await portal.GetAsync("/Account/Sso/dingtalk/link");
        var provider = await external.GetAsync(start.Headers.Location);
        var done = await portal.GetAsync(provider.Headers.Location!.PathAndQuery);

        Assert.Equal("/profile?sso=linked", done.RedirectPath());
        await using var check = factory.Services.CreateSystemScope();
        Assert.Equal(standIn.UserId, (await check.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByNameAsync("binder"))!.DingTalkId);
        Assert.Equal("/dashboard", (await FlowAsync(factory.CreateClient(new() { AllowAutoRedirect = false }), SsoKind.DingTalk)).RedirectPath());
    }

    [Fact]
    public async Task UnverifiedAddress_NeverLinks()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ConfigureAsync(factory, standIn, SsoKind.Oidc, allowEmailMatch: true);
        await CreateUserAsync(factory, "typed.it", u => (u.Email, u.NormalizedEmail, u.EmailConfirmed) = (standIn.Email, standIn.Email!.ToUpperInvariant(), false));

        var landed = await FlowAsync(portal, SsoKind.Oidc);

        Assert.StartsWith("/Account/Login?ssoError=auth.sso.unknown_user", landed.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactorUsers_StillGiveTheirCode_AndSuperusersUseTheirPassword()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ConfigureAsync(factory, standIn, SsoKind.WeCom);
        await CreateUserAsync(factory, "with.mfa", u => (u.WeComId, u.TwoFactorEnabled) = (standIn.UserId, true));

        Assert.StartsWith("/Account/LoginWithMfa", (await FlowAsync(portal, SsoKind.WeCom)).RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.GetAsync("/dashboard")).StatusCode);

        standIn.UserId = "the.boss";
        await CreateUserAsync(factory, "boss", u => (u.WeComId, u.IsSuperuser) = ("the.boss", true));
        Assert.StartsWith("/Account/Login?ssoError=auth.sso.superuser", (await FlowAsync(portal, SsoKind.WeCom)).RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingTheProvider_DropsItsSecret()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        _ = factory.CreateClient();
        await ConfigureAsync(factory, standIn, SsoKind.Oidc);
        await using var scope = factory.Services.CreateSystemScope();
        var sso = scope.ServiceProvider.GetRequiredService<SsoService>();

        var moved = await sso.SaveAsync(SsoKind.Oidc, new SsoProviderInput(true, "Oidc", SsoStandIn.ClientId, null, null, "https://elsewhere.example", null, false, false));

        Assert.Equal("auth.sso.secret_required", moved.Error!.Code);
        Assert.True((await sso.ListAsync()).Single(p => p.Kind == SsoKind.Oidc).HasSecret);
        Assert.True((await sso.SaveAsync(SsoKind.Oidc, new SsoProviderInput(false, "Oidc", SsoStandIn.ClientId, null, null, "https://elsewhere.example", null, false, false))).IsSuccess);
        Assert.False((await sso.ListAsync()).Single(p => p.Kind == SsoKind.Oidc).HasSecret);
    }

    [Fact]
    public async Task ForgedIdToken_OrTamperedState_IsRefused()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        var portal = factory.CreateClient(new() { AllowAutoRedirect = false });
        await ConfigureAsync(factory, standIn, SsoKind.Oidc);
        await CreateUserAsync(factory, "zhang.wei", u => u.OidcSubject = standIn.UserId);

        standIn.ForgeSignature = true;
        Assert.StartsWith("/Account/Login?ssoError=auth.sso.failed", (await FlowAsync(portal, SsoKind.Oidc)).RedirectPath(), StringComparison.Ordinal);

        standIn.ForgeSignature = false;
        var tampered = await FlowAsync(portal, SsoKind.Oidc, callback => callback.Replace("state=", "state=x", StringComparison.Ordinal));
        Assert.StartsWith("/Account/Login?ssoError=auth.sso.state", tampered.RedirectPath(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Settings_KeepTheSecretOnTheServer()
    {
        await using var standIn = await SsoStandIn.StartAsync();
        await using var factory = new OpsWebFactory();
        _ = factory.CreateClient();
        await ConfigureAsync(factory, standIn, SsoKind.Feishu);

        await using var scope = factory.Services.CreateSystemScope();
        var views = await scope.ServiceProvider.GetRequiredService<SsoService>().ListAsync();
        var feishu = views.Single(v => v.Kind == SsoKind.Feishu);
        Assert.True(feishu.HasSecret);
        Assert.DoesNotContain(SsoStandIn.Secret, System.Text.Json.JsonSerializer.Serialize(views), StringComparison.Ordinal);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        Assert.DoesNotContain(SsoStandIn.Secret, (await db.SsoProviders.SingleAsync()).ProtectedSecret, StringComparison.Ordinal);
    }

    /// <summary>Browser hops: portal → provider (stand-in) → portal callback; returns the portal's last answer.</summary>
    private static async Task<HttpResponseMessage> FlowAsync(HttpClient portal, SsoKind kind, Func<string, string>? alterCallback = null)
    {
        using var external = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var start = await portal.GetAsync($"/Account/Sso/{kind.ToString().ToLowerInvariant()}/login");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var provider = await external.GetAsync(start.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, provider.StatusCode);
        var callback = provider.Headers.Location!.PathAndQuery;
        return await portal.GetAsync(alterCallback is null ? callback : alterCallback(callback));
    }

    private static async Task ConfigureAsync(OpsWebFactory factory, SsoStandIn standIn, SsoKind kind, bool allowEmailMatch = false)
    {
        await using var scope = factory.Services.CreateSystemScope();
        var result = await scope.ServiceProvider.GetRequiredService<SsoService>().SaveAsync(kind, new SsoProviderInput(
            true, kind.ToString(), SsoStandIn.ClientId, kind == SsoKind.WeCom ? "1000002" : null, SsoStandIn.Secret, standIn.BaseUrl, null, allowEmailMatch, false));
        Assert.True(result.IsSuccess, result.Error?.ToString());
    }

    private static async Task CreateUserAsync(OpsWebFactory factory, string userName, Action<OpsUser> configure)
    {
        await using var scope = factory.Services.CreateSystemScope();
        var user = new OpsUser { UserName = userName, IsActive = true, LockoutEnabled = true };
        configure(user);
        Assert.True((await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().CreateAsync(user)).Succeeded);
    }

    private static void SetLink(OpsUser user, SsoKind kind, string id)
    {
        switch (kind)
        {
            case SsoKind.WeCom: user.WeComId = id; break;
            case SsoKind.DingTalk: user.DingTalkId = id; break;
            case SsoKind.Feishu: user.FeishuId = id; break;
            default: user.OidcSubject = id; break;
        }
    }

    private static async Task<LoginLog> LastLoginAsync(OpsWebFactory factory)
    {
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return await db.LoginLogs.OrderByDescending(l => l.Id).FirstAsync();
    }
}
