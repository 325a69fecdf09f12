using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Portal.Tests.Api;

/// <summary>Personal access tokens: scoped to a subset of the owner's codes, re-checked at each call, expiring, revocable, hashed.</summary>
public sealed class AccessTokenApiTests
{
    [Fact]
    public async Task AToken_DoesWhatItsScopesName_AndNothingElseTheOwnerCould()
    {
        await using var factory = new OpsWebFactory();
        var secret = await CreateTokenAsync(factory, await AdminSessionAsync(factory), [SystemPermissions.Users.View]);
        using var client = factory.CreateApiClient(secret);

        var list = await client.GetAsync("/api/v1/users");
        var create = await client.PostAsJsonAsync("/api/v1/users", new { userName = "made_by_token" });

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, "common.forbidden"), ((await ApiClient.ProblemOf(create)).Status, (await ApiClient.ProblemOf(create)).Code));
    }

    [Fact]
    public async Task ARevokedToken_StopsAtOnce_AndLastUseIsShown()
    {
        await using var factory = new OpsWebFactory();
        var session = await AdminSessionAsync(factory);
        var secret = await CreateTokenAsync(factory, session, [SystemPermissions.Users.View]);
        using var client = factory.CreateApiClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        using var owner = factory.CreateApiClient(session);
        var row = JsonDocument.Parse(await owner.GetStringAsync("/api/v1/auth/tokens")).RootElement[0];
        Assert.Equal(secret[..12], row.GetProperty("prefix").GetString());
        Assert.NotEqual(JsonValueKind.Null, row.GetProperty("lastUsedAt").ValueKind);

        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/v1/auth/tokens/{row.GetProperty("id").GetInt64()}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task WhenTheOwnerLosesAPermission_TheirTokenLosesItAtTheNextCall()
    {
        await using var factory = new OpsWebFactory();
        var ownerId = await factory.CreateUserAsync("token_owner", SystemPermissions.Users.View);
        var secret = await CreateTokenAsync(factory, (await factory.ApiLoginAsync("token_owner")).AccessToken, [SystemPermissions.Users.View]);
        using var client = factory.CreateApiClient(secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);

        await using (var scope = factory.Services.CreateSystemScope())
        {
            var roles = scope.ServiceProvider.GetRequiredService<IRoleService>();
            var role = (await roles.ListAsync()).Single(r => r.Code == "r_token_owner");
            Assert.True((await roles.SetGrantsAsync(role.Id, [])).IsSuccess);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users")).StatusCode);
        Assert.True(ownerId > 0);
    }

    [Fact]
    public async Task AToken_Expires()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        var secret = await CreateTokenAsync(factory, await AdminSessionAsync(factory), [SystemPermissions.Users.View], clock.GetUtcNow().AddDays(7));
        using var client = factory.CreateApiClient(secret);

        clock.Advance(TimeSpan.FromDays(6));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/users")).StatusCode);
        clock.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/users")).StatusCode);
    }

    [Fact]
    public async Task NoTokenCarriesMoreThanItsMaker_HoldsOrTheTokenMakingItCarries()
    {
        await using var factory = new OpsWebFactory();
        await factory.CreateUserAsync("viewer", SystemPermissions.Users.View);
        var session = (await factory.ApiLoginAsync("viewer")).AccessToken;
        using var viewer = factory.CreateApiClient(session);

        var beyondOwner = await viewer.PostAsJsonAsync("/api/v1/auth/tokens", Body([SystemPermissions.Users.Create]));
        var problem = await ApiClient.ProblemOf(beyondOwner);
        Assert.Equal((HttpStatusCode.BadRequest, "api_token.scope_not_held"), (problem.Status, problem.Code));
        Assert.True(problem.Body.GetProperty("errors").TryGetProperty("scopes", out _));

        var adminToken = await CreateTokenAsync(factory, await AdminSessionAsync(factory), [SystemPermissions.Users.View]);
        using var byToken = factory.CreateApiClient(adminToken);
        var wider = await byToken.PostAsJsonAsync("/api/v1/auth/tokens", Body([SystemPermissions.Users.Delete]));
        Assert.Equal("api_token.scope_not_held", (await ApiClient.ProblemOf(wider)).Code);
    }

    [Fact]
    public async Task TheSecret_IsShownOnce_AndKeptOnlyAsAHash()
    {
        await using var factory = new OpsWebFactory();
        var secret = await CreateTokenAsync(factory, await AdminSessionAsync(factory), [SystemPermissions.Users.View]);

        await using var scope = factory.Services.CreateSystemScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var stored = await db.ApiTokens.SingleAsync();
        Assert.StartsWith("ops_pat_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, stored.TokenHash + stored.Prefix + stored.Name, StringComparison.Ordinal);
        Assert.Equal(64, stored.TokenHash.Length);
    }

    private static async Task<string> AdminSessionAsync(OpsWebFactory factory) =>
        (await factory.ApiLoginAsync("admin", OpsWebFactory.DefaultAdminPassword)).AccessToken;

    private static object Body(string[] scopes, DateTimeOffset? expiresAt = null) =>
        new { name = "integration", scopes, expiresAt = expiresAt ?? DateTimeOffset.UtcNow.AddDays(30) };

    private static async Task<string> CreateTokenAsync(OpsWebFactory factory, string bearer, string[] scopes, DateTimeOffset? expiresAt = null)
    {
        using var client = factory.CreateApiClient(bearer);
        var response = await client.PostAsJsonAsync("/api/v1/auth/tokens", Body(scopes, expiresAt));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }
}
