using System.Net;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Api;

/// <summary>Service accounts: machine identities that never sign in, whose tokens their roles bound.</summary>
public sealed class ServiceAccountTests
{
    [Fact]
    public async Task AServiceAccount_NeverSignsIn_IsNoUser_AndItsTokenWorksWithinItsRoles()
    {
        await using var factory = new OpsWebFactory();
        var (accountId, secret) = await ServiceAccountWithTokenAsync(factory, "gitlab-ci", SystemPermissions.Users.View);
        using var machine = factory.CreateApiClient(secret);

        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/v1/jobs")).StatusCode);

        await using var scope = factory.Services.CreateScopeAs(Admin);
        var listed = await scope.ServiceProvider.GetRequiredService<IUserService>().QueryAsync(new UserFilter(), new PageRequest { PageSize = 500 });
        Assert.DoesNotContain(listed.Items, u => u.Id == accountId);
        using var anonymous = factory.CreateApiClient();
        Assert.Equal("account.login.invalid", (await ApiClient.ProblemOf(await anonymous.PostLoginAsync("gitlab-ci", "whatever it might be"))).Code);
    }

    [Fact]
    public async Task DisablingOrDeletingTheAccount_StopsItsTokens()
    {
        await using var factory = new OpsWebFactory();
        var (accountId, secret) = await ServiceAccountWithTokenAsync(factory, "erp-sync", SystemPermissions.Users.View);
        using var machine = factory.CreateApiClient(secret);
        await using var scope = factory.Services.CreateScopeAs(Admin);
        var accounts = scope.ServiceProvider.GetRequiredService<IServiceAccountService>();

        Assert.True((await accounts.SetActiveAsync(accountId, false)).IsSuccess);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/v1/users")).StatusCode);
        Assert.True((await accounts.SetActiveAsync(accountId, true)).IsSuccess);
        Assert.Equal(HttpStatusCode.OK, (await machine.GetAsync("/api/v1/users")).StatusCode);

        Assert.True((await accounts.DeleteAsync(accountId)).IsSuccess);
        Assert.Equal(HttpStatusCode.Unauthorized, (await machine.GetAsync("/api/v1/users")).StatusCode);
        Assert.DoesNotContain(await accounts.ListAsync(), a => a.Id == accountId);
    }

    [Fact]
    public async Task ManagingServiceAccounts_NeedsItsPermission_AndTheUserRightsToMakeOne()
    {
        await using var factory = new OpsWebFactory();
        var managerOnly = await factory.CreateUserAsync("sa_manager", SystemPermissions.ServiceAccounts.Manage);
        var outsider = await factory.CreateUserAsync("sa_outsider", SystemPermissions.Users.Create);

        await using var manager = factory.Services.CreateScopeAs(new Actor(managerOnly, "sa_manager", true, false));
        await using var other = factory.Services.CreateScopeAs(new Actor(outsider, "sa_outsider", true, false));

        Assert.Empty(await manager.ServiceProvider.GetRequiredService<IServiceAccountService>().ListAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => manager.ServiceProvider.GetRequiredService<IServiceAccountService>().CreateAsync(new ServiceAccountInput("bot", null, [])));
        await Assert.ThrowsAsync<ForbiddenException>(() => other.ServiceProvider.GetRequiredService<IServiceAccountService>().ListAsync());
    }

    private static readonly Actor Admin = new(1, "admin", true, false);

    private static async Task<(long Id, string Secret)> ServiceAccountWithTokenAsync(OpsWebFactory factory, string name, params string[] grants)
    {
        await using var scope = factory.Services.CreateScopeAs(Admin);
        var roles = scope.ServiceProvider.GetRequiredService<IRoleService>();
        var role = (await roles.CreateAsync(new RoleInput("role_" + name, name, null, null, 0, true, DataScope.All, [], false))).Value;
        Assert.True((await roles.SetGrantsAsync(role, grants)).IsSuccess);
        var accounts = scope.ServiceProvider.GetRequiredService<IServiceAccountService>();
        var created = await accounts.CreateAsync(new ServiceAccountInput(name, "CI", [role]));
        Assert.True(created.IsSuccess, created.Error?.ToString());
        var token = await accounts.CreateTokenAsync(created.Value, new AccessTokenInput("deploy", grants, DateTimeOffset.UtcNow.AddDays(30)));
        Assert.True(token.IsSuccess, token.Error?.ToString());
        return (created.Value, token.Value.Token);
    }
}
