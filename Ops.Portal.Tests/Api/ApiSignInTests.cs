using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Api;

/// <summary><c>/api/v1/auth</c>: JWT sign-in, refresh rotation with reuse detection, sign-out, and what ends a token at once.</summary>
public sealed class ApiSignInTests
{
    [Fact]
    public async Task Login_GivesAnAccessToken_ThatCallsTheApi()
    {
        await using var factory = new OpsWebFactory();
        var tokens = await factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        using var client = factory.CreateApiClient(tokens.AccessToken);

        var response = await client.GetAsync("/api/v1/users?page=1&size=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, page.GetProperty("page").GetInt32());
        Assert.Equal(5, page.GetProperty("size").GetInt32());
        Assert.True(page.GetProperty("total").GetInt32() >= 1);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), u => u.GetProperty("userName").GetString() == "admin");
    }

    [Fact]
    public async Task NoToken_OrAGarbledOne_Is401_AsAProblem()
    {
        await using var factory = new OpsWebFactory();
        using var anonymous = factory.CreateApiClient();
        using var garbled = factory.CreateApiClient("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");

        var none = await ApiClient.ProblemOf(await anonymous.GetAsync("/api/v1/users"));
        var bad = await garbled.GetAsync("/api/v1/users");

        Assert.Equal((HttpStatusCode.Unauthorized, "api.token_required"), (none.Status, none.Code));
        Assert.Equal("Bearer error=\"invalid_token\"", bad.Headers.WwwAuthenticate.ToString());
        Assert.Equal("api.token_invalid", (await ApiClient.ProblemOf(bad)).Code);
    }

    [Fact]
    public async Task TheSignInCookie_OpensNoApiEndpoint_SoNoPageElsewhereCanCallItAsTheVisitor()
    {
        await using var factory = new OpsWebFactory();
        var browser = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await browser.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/dashboard")).StatusCode);

        var read = await browser.GetAsync("/api/v1/users");
        var write = await browser.PostAsJsonAsync("/api/v1/users", new { userName = "csrf_victim" });

        Assert.Equal(HttpStatusCode.Unauthorized, read.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, write.StatusCode);
        await using var scope = factory.Services.CreateSystemScope();
        var users = await scope.ServiceProvider.GetRequiredService<IUserService>().QueryAsync(new UserFilter(), new() { Search = "csrf_victim" });
        Assert.Equal(0, users.TotalCount);
    }

    [Fact]
    public async Task Refresh_RotatesTheToken_AndShowingASpentOneEndsTheWholeSignIn()
    {
        await using var factory = new OpsWebFactory();
        await factory.CreateUserAsync("rotating", SystemPermissions.Users.View);
        var first = await factory.ApiLoginAsync("rotating");
        using var client = factory.CreateApiClient();

        var second = await ApiClient.TokensOf(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken }));
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, (await Get(factory, second.AccessToken, "/api/v1/users")).StatusCode);

        // The first refresh token again: a copy is in someone else's hands. Both lines of the family end.
        var reuse = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = first.RefreshToken });
        Assert.Equal("api.auth.refresh_invalid", (await ApiClient.ProblemOf(reuse)).Code);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = second.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(factory, second.AccessToken, "/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(factory, first.AccessToken, "/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task Logout_EndsTheAccessAndRefreshTokens_AtOnce()
    {
        await using var factory = new OpsWebFactory();
        await factory.CreateUserAsync("leaving", SystemPermissions.Users.View);
        var tokens = await factory.ApiLoginAsync("leaving");
        using var client = factory.CreateApiClient(tokens.AccessToken);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/v1/auth/logout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task DisablingTheUser_StopsTheirTokens_AtTheNextCall()
    {
        await using var factory = new OpsWebFactory();
        var id = await factory.CreateUserAsync("disabled_soon", SystemPermissions.Users.View);
        var tokens = await factory.ApiLoginAsync("disabled_soon");
        Assert.Equal(HttpStatusCode.OK, (await Get(factory, tokens.AccessToken, "/api/v1/users")).StatusCode);

        await using (var scope = factory.Services.CreateSystemScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<IUserAdministration>().SetActiveAsync([id], false)).IsSuccess);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(factory, tokens.AccessToken, "/api/v1/users")).StatusCode);
        using var client = factory.CreateApiClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task AnAccessToken_Expires_AfterFifteenMinutes_AndARefreshGivesANewOne()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        await factory.CreateUserAsync("short_lived", SystemPermissions.Users.View);
        var tokens = await factory.ApiLoginAsync("short_lived");

        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.OK, (await Get(factory, tokens.AccessToken, "/api/v1/users")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Get(factory, tokens.AccessToken, "/api/v1/users")).StatusCode);

        using var client = factory.CreateApiClient();
        var renewed = await ApiClient.TokensOf(await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = tokens.RefreshToken }));
        Assert.Equal(HttpStatusCode.OK, (await Get(factory, renewed.AccessToken, "/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task TwoFactorAccounts_SendTheAuthenticatorCode_WithThePassword()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        var id = await factory.CreateUserAsync("two_factor", SystemPermissions.Users.View);
        var key = await EnableTotpAsync(factory, id, "two_factor", clock);
        using var client = factory.CreateApiClient();

        var withoutCode = await ApiClient.ProblemOf(await client.PostLoginAsync("two_factor", ApiClient.Passphrase));
        var wrongCode = await ApiClient.ProblemOf(await client.PostLoginAsync("two_factor", ApiClient.Passphrase, "000000"));
        clock.Advance(TimeSpan.FromSeconds(30));
        var tokens = await ApiClient.TokensOf(await client.PostLoginAsync("two_factor", ApiClient.Passphrase, Code(key, clock)));

        Assert.Equal((HttpStatusCode.Unauthorized, "api.auth.mfa_required"), (withoutCode.Status, withoutCode.Code));
        Assert.Equal((HttpStatusCode.Unauthorized, "api.auth.mfa_invalid"), (wrongCode.Status, wrongCode.Code));
        Assert.Equal(HttpStatusCode.OK, (await Get(factory, tokens.AccessToken, "/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task WrongPasswords_CountTowardLockout_AsOnTheSignInPage()
    {
        await using var factory = new OpsWebFactory();
        await factory.CreateUserAsync("guessed", SystemPermissions.Users.View);
        using var client = factory.CreateApiClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostLoginAsync("guessed", "not the passphrase " + i);
            Assert.True(wrong.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, wrong.StatusCode.ToString());
        }

        var right = await client.PostLoginAsync("guessed", ApiClient.Passphrase);

        var problem = await ApiClient.ProblemOf(right);
        Assert.Equal((HttpStatusCode.Forbidden, "account.login.locked"), (problem.Status, problem.Code));
        Assert.NotNull(right.Headers.RetryAfter);
    }

    [Fact]
    public async Task Problems_SpeakTheCallersLanguage()
    {
        await using var factory = new OpsWebFactory();
        using var english = factory.CreateApiClient(culture: "en-US");
        using var chinese = factory.CreateApiClient(culture: "zh-CN");

        var en = await ApiClient.ProblemOf(await english.PostLoginAsync("nobody", "wrong password here"));
        var zh = await ApiClient.ProblemOf(await chinese.PostLoginAsync("nobody", "wrong password here"));

        Assert.Equal(en.Code, zh.Code);
        Assert.NotEqual(en.Detail, zh.Detail);
        Assert.Matches("[\u4e00-\u9fff]", zh.Detail);
        Assert.Equal(32, en.Body.GetProperty("traceId").GetString()!.Length);
    }

    [Fact]
    public async Task RateLimits_Answer429_WithRetryAfter()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?>
        {
            ["Api:SignInsPerAddressPerMinute"] = "3",
            ["Api:RequestsPerTokenPerMinute"] = "4",
        });
        using var client = factory.CreateApiClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostLoginAsync("nobody", "wrong password here")).StatusCode);
        }

        var refusedLogin = await client.PostLoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        Assert.Equal((HttpStatusCode.TooManyRequests, "api.rate_limited"), ((await ApiClient.ProblemOf(refusedLogin)).Status, (await ApiClient.ProblemOf(refusedLogin)).Code));
        Assert.True(refusedLogin.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task RateLimits_PerToken()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Api:RequestsPerTokenPerMinute"] = "4" });
        var tokens = await factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        using var client = factory.CreateApiClient(tokens.AccessToken);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        }

        var refused = await client.GetAsync("/api/v1/users");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task AMustChangePasswordAccount_GetsATokenForLittleElse()
    {
        await using var factory = new OpsWebFactory();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var input = new UserInput("fresh_account", null, null, null, null, [], null, [], true, false, false, false);
            var created = await scope.ServiceProvider.GetRequiredService<IUserService>().CreateAsync(input, null);
            var tokens = await factory.ApiLoginAsync("fresh_account", created.Value.InitialPassword!);
            Assert.Equal("change_password", tokens.PendingStep);

            var refused = await ApiClient.ProblemOf(await Get(factory, tokens.AccessToken, "/api/v1/users"));

            Assert.Equal((HttpStatusCode.Forbidden, "api.account_step.change_password"), (refused.Status, refused.Code));
        }
    }

    private static async Task<HttpResponseMessage> Get(OpsWebFactory factory, string token, string path)
    {
        using var client = factory.CreateApiClient(token);
        var response = await client.GetAsync(path);
        TestContext.Current.TestOutputHelper?.WriteLine($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response;
    }

    private static async Task<byte[]> EnableTotpAsync(OpsWebFactory factory, long userId, string userName, TimeProvider clock)
    {
        await using var scope = factory.Services.CreateScopeAs(new Ops.Domain.Common.Actor(userId, userName, true, false));
        var mfa = scope.ServiceProvider.GetRequiredService<MfaService>();
        var enrolment = (await mfa.BeginAsync()).Value;
        var key = TotpCodes.FromBase32(enrolment.SharedKey);
        Assert.True((await mfa.ConfirmAsync(Code(key, clock))).IsSuccess);
        return key;
    }

    private static string Code(byte[] key, TimeProvider clock) => TotpCodes.Compute(key, clock.GetUtcNow().ToUnixTimeSeconds() / 30);
}
