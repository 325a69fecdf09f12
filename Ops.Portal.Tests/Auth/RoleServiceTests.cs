using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Auth;

public sealed class RoleServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    private static RoleInput Input(string code, long? parent = null) => new(code, code, null, parent, 0, true, null, [], false);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadInput_GetsAClearError_AndSavesNothing(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var roles = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IRoleService>();
        var parent = (await roles.CreateAsync(Input("ops"))).Value;
        var child = (await roles.CreateAsync(Input("ops.oncall", parent))).Value;
        var stamp = (await roles.ListAsync()).Single(r => r.Id == parent).ConcurrencyStamp;

        Assert.Equal("auth.role.code_taken", (await roles.CreateAsync(Input("OPS"))).Error!.Code);
        Assert.Equal("common.code_invalid", (await roles.CreateAsync(Input("bad code"))).Error!.Code);
        Assert.Equal("common.too_long", (await roles.CreateAsync(Input("r") with { Description = new string('d', 513) })).Error!.Code);
        Assert.Equal("auth.role.parent_not_found", (await roles.CreateAsync(Input("x", 999_999))).Error!.Code);
        Assert.Equal("auth.role.cycle", (await roles.UpdateAsync(parent, Input("ops", child), stamp)).Error!.Code);
        Assert.Equal("auth.data_scope.custom_empty", (await roles.CreateAsync(Input("y") with { DataScope = DataScope.Custom })).Error!.Code);
        Assert.Equal("auth.role.unknown_permission", (await roles.SetGrantsAsync(parent, ["no.such.permission"])).Error!.Code);
        Assert.Equal("auth.role.has_children", (await roles.DeleteAsync(parent)).Error!.Code);
        Assert.Equal("common.concurrency_conflict", (await roles.UpdateAsync(parent, Input("ops"), "stale")).Error!.Code);

        Assert.Equal(["ops", "ops.oncall"], (await roles.ListAsync()).Select(r => r.Code));
        Assert.Empty(await roles.GetGrantsAsync(parent));
    }

    [Fact]
    public async Task Grants_AreReplaced_AndListedInTreeOrder()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var roles = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IRoleService>();
        var id = (await roles.CreateAsync(Input("auditors"))).Value;

        await roles.SetGrantsAsync(id, [SystemPermissions.Users.View, SystemPermissions.Users.Export]);
        await roles.SetGrantsAsync(id, [SystemPermissions.Users.View, AuditPermissions.LoginLogs.View]);

        Assert.Equal([AuditPermissions.LoginLogs.View, SystemPermissions.Users.View], (await roles.GetGrantsAsync(id)).Order(StringComparer.Ordinal));
        Assert.Equal(2, (await roles.ListAsync()).Single().PermissionCount);
    }
}
