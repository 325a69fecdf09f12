using Microsoft.AspNetCore.Identity;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>The guard every service calls, and the permission tree service behind it, on both providers.</summary>
public sealed class PermissionGuardTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UserWithoutRoles_IsRefused(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = await CreateUserAsync(harness, "plain");

        await AssertRefusedAsync(harness);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task GrantThroughRole_IsAllowed_AndTheServiceAnswers(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var actor = await CreateUserAsync(harness, "viewer");
        await GrantAsync(harness, actor, "viewers", SystemPermissions.Permissions.View);
        harness.CurrentUser.Actor = actor;

        var tree = await harness.InScopeAsync(sp => sp.GetRequiredService<IPermissionService>().GetTreeAsync());

        var system = Assert.Single(tree, n => n.Code == SystemPermissions.Root);
        Assert.Contains(system.Children, c => c.Code == SystemPermissions.Permissions.View);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InactiveRoleOrUser_GrantsNothing(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var actor = await CreateUserAsync(harness, "leaver");
        await GrantAsync(harness, actor, "viewers", SystemPermissions.Permissions.View);
        harness.CurrentUser.Actor = actor;

        await harness.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<OpsUser>>();
            var user = await users.FindByIdAsync(actor.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            user!.IsActive = false;
            await users.UpdateAsync(user);
            return 0;
        });
        harness.Services.GetRequiredService<IUserAccessStore>().Invalidate(actor.UserId!.Value);

        await AssertRefusedAsync(harness);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RetiredPermission_IsNeverEffective(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var actor = await CreateUserAsync(harness, "old.grant");
        await GrantAsync(harness, actor, "viewers", SystemPermissions.Permissions.View);
        await using (var db = await harness.CreateDbContextAsync())
        {
            (await db.Permissions.SingleAsync(p => p.Code == SystemPermissions.Permissions.View)).Retire();
            await db.SaveChangesAsync();
        }

        harness.Services.GetRequiredService<IUserAccessStore>().Invalidate(actor.UserId!.Value);
        harness.CurrentUser.Actor = actor;

        await AssertRefusedAsync(harness);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Superuser_AndSystem_AreAllowed(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = await CreateUserAsync(harness, "root", superuser: true);
        Assert.True(await harness.InScopeAsync(sp => sp.GetRequiredService<IPermissionGuard>().HasAsync("any.code.at.all")));

        harness.CurrentUser.Actor = Actor.System;
        Assert.True(await harness.InScopeAsync(sp => sp.GetRequiredService<IPermissionGuard>().HasAsync(SystemPermissions.Permissions.View)));
    }

    [Fact]
    public async Task Anonymous_IsRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.Anonymous;

        await AssertRefusedAsync(harness);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Seeder_IsIdempotent_RetiresRemovedCodes_AndKeepsGrants(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var actor = await CreateUserAsync(harness, "keeper");
        await GrantAsync(harness, actor, "keepers", SystemPermissions.Permissions.View);
        PermissionDefinition extra = new("system.extra", "perm.system.extra", PermissionType.Button, "system", SystemPermissions.Permissions.View);

        await SeedAsync(harness, [.. PermissionCatalog.All, extra]);
        await SeedAsync(harness, [.. PermissionCatalog.All, extra]);
        await SeedAsync(harness, PermissionCatalog.All);

        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(PermissionCatalog.All.Count + 1, await db.Permissions.CountAsync());
        var retired = await db.Permissions.SingleAsync(p => p.Code == "system.extra");
        Assert.True(retired.IsRetired);
        var view = await db.Permissions.SingleAsync(p => p.Code == SystemPermissions.Permissions.View);
        Assert.Equal(view.Id, retired.ParentId);
        Assert.Equal(1, await db.RolePermissions.CountAsync(rp => rp.PermissionId == view.Id));
    }

    private static Task SeedAsync(InfrastructureHarness harness, IReadOnlyList<PermissionDefinition> catalog) =>
        harness.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<PermissionSeeder>().SeedAsync(catalog);
            return 0;
        });

    private static async Task AssertRefusedAsync(InfrastructureHarness harness)
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() =>
            harness.InScopeAsync(sp => sp.GetRequiredService<IPermissionService>().GetTreeAsync()));
        Assert.Contains(SystemPermissions.Permissions.View, error.Permission, StringComparison.Ordinal);
    }

    internal static Task<Actor> CreateUserAsync(InfrastructureHarness harness, string userName, bool superuser = false) =>
        harness.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<OpsUser>>();
            var user = new OpsUser { UserName = userName, IsActive = true, IsSuperuser = superuser };
            var result = await users.CreateAsync(user, "a long test passphrase");
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
            return new Actor(user.Id, userName, true, false);
        });

    private static Task GrantAsync(InfrastructureHarness harness, Actor actor, string roleCode, string permission) =>
        harness.InScopeAsync(async sp =>
        {
            var roles = sp.GetRequiredService<RoleManager<OpsRole>>();
            var role = await roles.FindByNameAsync(roleCode);
            if (role is null)
            {
                role = new OpsRole(roleCode, roleCode);
                await roles.CreateAsync(role);
            }

            var users = sp.GetRequiredService<UserManager<OpsUser>>();
            var user = await users.FindByIdAsync(actor.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await users.AddToRoleAsync(user!, roleCode);
            await using var db = await sp.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
            var permissionId = await db.Permissions.Where(p => p.Code == permission).Select(p => p.Id).SingleAsync();
            db.RolePermissions.Add(new RolePermission(role.Id, permissionId));
            await db.SaveChangesAsync();
            return 0;
        });
}
