using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// The user list's total is counted once per few seconds (issue 18: counting 100,000 users at every API page
/// saturated the node), yet every write through the portal shows in the next total.
/// </summary>
public sealed class UserCountCacheTests
{
    private static UserInput Input(string userName) => new(userName, "测试", null, null, null, [], null, [], true, false, false, false);

    [Fact]
    public async Task TheTotal_IsReused_UntilAWriteOrItsLifetimeEnds()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var scope = harness.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        var administration = scope.ServiceProvider.GetRequiredService<IUserAdministration>();
        foreach (var name in new[] { "u1", "u2", "u3" })
        {
            Assert.True((await users.CreateAsync(Input(name), null)).IsSuccess);
        }

        async Task<int> Total(UserFilter? filter = null) => (await users.QueryAsync(filter ?? new UserFilter(), new PageRequest())).TotalCount;
        Assert.Equal(3, await Total());

        // A write that bypasses the portal's saves (another node, a bulk statement) is not seen while the total lives...
        await using (var db = await harness.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.UserName == "u3").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        Assert.Equal(3, await Total());
        Assert.Equal(2, await Total(new UserFilter { Active = true }));

        // ...every save through the portal is, at once...
        Assert.True((await users.CreateAsync(Input("u4"), null)).IsSuccess);
        Assert.Equal(4, await Total());
        var u1 = (await users.QueryAsync(new UserFilter(), new PageRequest { Search = "u1" })).Items.Single();
        Assert.True((await administration.DeleteAsync([u1.Id])).IsSuccess);
        Assert.Equal(3, await Total());
        Assert.Equal(2, await Total(new UserFilter { Active = true }));

        // ...and the other writes once the lifetime is over.
        await using (var db = await harness.CreateDbContextAsync())
        {
            await db.Users.Where(u => u.UserName == "u4").ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        Assert.Equal(2, await Total(new UserFilter { Active = true }));
        harness.Clock.Advance(UserCountCache.Lifetime);
        Assert.Equal(1, await Total(new UserFilter { Active = true }));
    }
}
