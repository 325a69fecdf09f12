using Microsoft.AspNetCore.Identity;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

public sealed class AdminBootstrapperTests
{
    [Fact]
    public async Task FirstStart_CreatesAdmin_LaterStartsNeverRecreateIt()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);

        var first = await EnsureAsync(harness, "first admin passphrase");
        Assert.True(first.Created);

        await harness.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<OpsUser>>();
            var admin = await users.FindByNameAsync("admin");
            await users.SetUserNameAsync(admin!, "root.renamed");
            return 0;
        });
        var second = await EnsureAsync(harness, "another passphrase here");

        Assert.False(second.Created);
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(["root.renamed"], await db.Users.Select(u => u.UserName).ToListAsync());
    }

    [Fact]
    public async Task SoftDeletedAdmin_DoesNotBreakTheStart()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        await EnsureAsync(harness, "first admin passphrase");
        await using (var db = await harness.CreateDbContextAsync())
        {
            db.Users.Remove(await db.Users.SingleAsync());
            await db.SaveChangesAsync();
        }

        var again = await EnsureAsync(harness, null);

        Assert.False(again.Created);
    }

    private static Task<AdminBootstrapResult> EnsureAsync(InfrastructureHarness harness, string? password) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync(password));
}
