using Microsoft.AspNetCore.Identity;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>Sign-in on the real host: the login log, disabled accounts, sessions.</summary>
public sealed class SignInTests
{
    [Fact]
    public async Task DisabledAccount_IsOnlyRevealedToTheRightPassword_AndEveryAttemptIsLogged()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36");
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        await CreateUserAsync(factory, "gone", "the right passphrase", active: false);

        var wrong = await (await client.LoginAsync("gone", "not the password")).Content.ReadAsStringAsync();
        var right = await (await client.LoginAsync("gone", "the right passphrase")).Content.ReadAsStringAsync();
        await client.LoginAsync("nobody.here", "whatever password");

        Assert.Contains("Invalid user name or password", wrong, StringComparison.Ordinal);
        Assert.Contains("This account is disabled", right, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var logs = await db.LoginLogs.OrderBy(l => l.Id).ToListAsync();
        Assert.Equal(["invalid_password", "disabled", "unknown_user"], logs.Select(l => l.FailureReason));
        Assert.All(logs, l => Assert.Equal(LoginResult.Failed, l.Result));
        Assert.Equal(("Chrome 124", "Windows 10/11", "Desktop"), (logs[0].Browser, logs[0].OperatingSystem, logs[0].Device));
    }

    [Fact]
    public async Task SuccessfulSignIn_StartsASession_AndSignOutEndsIt()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var session = await db.UserSessions.AsNoTracking().SingleAsync();
        Assert.True(session.IsActive);
        Assert.Equal(LoginResult.Success, (await db.LoginLogs.SingleAsync()).Result);

        await LogoutAsync(client);

        Assert.NotNull((await db.UserSessions.AsNoTracking().SingleAsync()).RevokedAt);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task SignOut_LogsNoWarning_FromScopesThatHoldNoCircuit()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        await LogoutAsync(client);

        // The logout request's own scope has a sign-in state provider but no state: it must not answer the revoked
        // session it has just announced (the bus logged its failure as a warning on every logout).
        Assert.DoesNotContain(factory.LogLines(), l => l.Contains(" WRN]", StringComparison.Ordinal) && l.Contains(nameof(SessionsRevoked), StringComparison.Ordinal));
    }

    private static async Task LogoutAsync(HttpClient client)
    {
        var page = await client.GetStringAsync("/dashboard");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = System.Net.WebUtility.HtmlDecode(token),
            ["ReturnUrl"] = "",
        }));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task RevokedSession_EndsTheCookieAtTheNextRequest()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        await using (var scope = factory.Services.CreateSystemScope())
        {
            var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            var admin = await db.Users.SingleAsync(u => u.UserName == "admin");
            Assert.Equal(1, await sessions.RevokeAsync(admin.Id));
        }

        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task RequiredMfa_SendsTheUserToEnrolBeforeAnythingElse()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        await CreateUserAsync(factory, "must.enrol", "enrolment passphrase");
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
            var user = await users.FindByNameAsync("must.enrol");
            user!.RequireMfa = true;
            await users.UpdateAsync(user);
        }

        await client.LoginAsync("must.enrol", "enrolment passphrase");
        var dashboard = await client.GetAsync("/dashboard");

        Assert.Equal("/Account/Manage/EnableAuthenticator?required=true", dashboard.RedirectPath());
        Assert.Contains("id=\"mfa-required\"", await client.GetStringAsync("/Account/Manage/EnableAuthenticator?required=true"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SelfRegistration_IsOffByDefault_AndNewAccountsWaitForApproval()
    {
        await using var factory = new OpsWebFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");
        Assert.Contains("id=\"registration-closed\"", await client.GetStringAsync("/Account/Register"), StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"register-link\"", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);

        long departmentId;
        await using (var scope = factory.Services.CreateSystemScope())
        {
            departmentId = (await scope.ServiceProvider.GetRequiredService<IDepartmentService>().CreateAsync(new("访客", "GUESTS", null, null, 0))).Value;
            var saved = await scope.ServiceProvider.GetRequiredService<RegistrationService>().SetSettingsAsync(new RegistrationSettings(true, departmentId));
            Assert.True(saved.IsSuccess);
        }

        Assert.Contains("id=\"register-link\"", await client.GetStringAsync("/Account/Login"), StringComparison.Ordinal);
        var registered = await client.PostFormAsync("/Account/Register", "register", new Dictionary<string, string>
        {
            ["Input.UserName"] = "new.comer", ["Input.RealName"] = "新人", ["Input.Email"] = "new.comer@ops.example",
            ["Input.Password"] = "newcomer passphrase", ["Input.Confirm"] = "newcomer passphrase",
        });
        Assert.Contains("id=\"registration-done\"", await registered.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var pending = await (await client.LoginAsync("new.comer", "newcomer passphrase")).Content.ReadAsStringAsync();
        Assert.Contains("waiting for an administrator", pending, StringComparison.Ordinal);

        await using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
            var user = await users.FindByNameAsync("new.comer");
            Assert.Equal((false, true, departmentId), (user!.IsActive, user.PendingApproval, user.DepartmentId!.Value));
            Assert.Equal(1, (await scope.ServiceProvider.GetRequiredService<IUserAdministration>().ApproveAsync([user.Id])).Value);
        }

        Assert.Equal("/dashboard", (await client.LoginAsync("new.comer", "newcomer passphrase")).RedirectPath());
    }

    internal static async Task CreateUserAsync(OpsWebFactory factory, string userName, string password, bool active = true)
    {
        await using var scope = factory.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
        var result = await users.CreateAsync(new OpsUser { UserName = userName, IsActive = active, LockoutEnabled = true }, password);
        Assert.True(result.Succeeded);
    }
}
