using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Auth;

public sealed class DepartmentServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Create_BuildsTheTree_InSortOrder(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var service = Service(harness);
        var hq = (await service.CreateAsync(new("总部", "HQ", null, null, 0))).Value;
        await service.CreateAsync(new("财务部", "FIN", hq, null, 2));
        await service.CreateAsync(new("信息技术部", "IT", hq, null, 1));

        var tree = await service.GetTreeAsync();

        var root = Assert.Single(tree);
        Assert.Equal("HQ", root.Code);
        Assert.Equal(["IT", "FIN"], root.Children.Select(c => c.Code));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task BadInput_GetsAClearError_AndSavesNothing(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var service = Service(harness);
        await service.CreateAsync(new("IT", "IT", null, null, 0));

        Assert.Equal("auth.department.code_taken", (await service.CreateAsync(new("Other", "IT", null, null, 0))).Error!.Code);
        Assert.Equal("common.required", (await service.CreateAsync(new("  ", "X", null, null, 0))).Error!.Code);
        Assert.Equal("common.too_long", (await service.CreateAsync(new(new string('n', 65), "X", null, null, 0))).Error!.Code);
        Assert.Equal("common.code_invalid", (await service.CreateAsync(new("X", "bad code!", null, null, 0))).Error!.Code);
        Assert.Equal("auth.department.parent_not_found", (await service.CreateAsync(new("X", "X", 999_999, null, 0))).Error!.Code);
        Assert.Equal("auth.user.not_found", (await service.CreateAsync(new("X", "X", null, 999_999, 0))).Error!.Code);

        Assert.Single(await service.GetTreeAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Move_CarriesTheSubtree_AndRefusesCycles(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var service = Service(harness);
        var a = (await service.CreateAsync(new("A", "A", null, null, 0))).Value;
        var b = (await service.CreateAsync(new("B", "B", a, null, 0))).Value;
        var c = (await service.CreateAsync(new("C", "C", b, null, 0))).Value;
        var d = (await service.CreateAsync(new("D", "D", null, null, 0))).Value;

        var cycle = await service.UpdateAsync(a, new("A", "A", c, null, 0), version: 1);
        Assert.Equal("auth.department.cycle", cycle.Error!.Code);

        Assert.True((await service.UpdateAsync(b, new("B", "B", d, null, 0), version: 1)).IsSuccess);

        Assert.Equal(new[] { d, b, c }.Order(), (await service.GetDescendantIdsAsync(d)).Order());
        Assert.Equal([a], await service.GetDescendantIdsAsync(a));
        Assert.Equal([d, b], await service.GetAncestorIdsAsync(c));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StaleVersion_IsAConflict(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var service = Service(harness);
        var id = (await service.CreateAsync(new("Ops", "OPS", null, null, 0))).Value;
        Assert.True((await service.UpdateAsync(id, new("Ops 1", "OPS", null, null, 0), version: 1)).IsSuccess);

        var stale = await service.UpdateAsync(id, new("Ops 2", "OPS", null, null, 0), version: 1);

        Assert.Equal("common.concurrency_conflict", stale.Error!.Code);
        Assert.Equal("Ops 1", Assert.Single(await service.GetTreeAsync()).Name);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Delete_OnlyWhenEmpty(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = Actor.System;
        var service = Service(harness);
        var parent = (await service.CreateAsync(new("Parent", "P", null, null, 0))).Value;
        var child = (await service.CreateAsync(new("Child", "C", parent, null, 0))).Value;

        var refused = await service.DeleteAsync(parent);
        Assert.Equal("auth.department.not_empty", refused.Error!.Code);
        Assert.Equal(["Parent", 1, 0], refused.Error.Args);

        Assert.True((await service.DeleteAsync(child)).IsSuccess);
        Assert.True((await service.DeleteAsync(parent)).IsSuccess);
        Assert.Empty(await service.GetTreeAsync());
    }

    [Fact]
    public async Task CallerWithoutPermission_IsRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = await PermissionGuardTests.CreateUserAsync(harness, "nobody");
        var service = Service(harness);

        await Assert.ThrowsAsync<ForbiddenException>(() => service.GetTreeAsync());
        await Assert.ThrowsAsync<ForbiddenException>(() => service.CreateAsync(new("X", "X", null, null, 0)));
        await Assert.ThrowsAsync<ForbiddenException>(() => service.DeleteAsync(1));
    }

    private static IDepartmentService Service(InfrastructureHarness harness) =>
        harness.Services.CreateScope().ServiceProvider.GetRequiredService<IDepartmentService>();
}
