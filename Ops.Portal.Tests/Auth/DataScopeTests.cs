using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// The five data scopes on one tree, through the user list (the first list that applies them).
/// HQ ─┬─ IT ─┬─ OPS
///     │      └─ DEV
///     └─ FIN
/// </summary>
public sealed class DataScopeTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EachScope_SeesExactlyItsRows(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var org = await Organisation.CreateAsync(harness);

        Assert.Equal(["it.viewer"], await VisibleAsync(harness, org, DataScope.Self));
        Assert.Equal(["it.head", "it.viewer"], await VisibleAsync(harness, org, DataScope.Department));
        Assert.Equal(["dev.1", "it.head", "it.viewer", "ops.1"], await VisibleAsync(harness, org, DataScope.DepartmentAndChildren));
        Assert.Equal(["fin.1", "it.viewer", "ops.1"], await VisibleAsync(harness, org, DataScope.Custom, [org.Fin, org.Ops]));
        Assert.Equal(["dev.1", "fin.1", "hq.1", "it.head", "it.viewer", "ops.1"], await VisibleAsync(harness, org, DataScope.All));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TheWidestGrantWins_AcrossUserAndRoles(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var org = await Organisation.CreateAsync(harness);
        var finance = await harness.RoleAsync("fin.readers", DataScope.Custom, [org.Fin], SystemPermissions.Users.View);
        var viewer = await harness.UserAsync("mixed", org.It, [org.Viewers, finance], DataScope.Department);

        harness.CurrentUser.Actor = viewer;

        Assert.Equal(["fin.1", "it.head", "it.viewer", "mixed"], await ListAsync(harness));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MovingADepartment_MovesItsRowsInAndOutOfScope(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var org = await Organisation.CreateAsync(harness);
        var viewer = await harness.UserAsync("tree.viewer", org.It, [org.Viewers], DataScope.DepartmentAndChildren);
        harness.CurrentUser.Actor = viewer;
        Assert.Contains("dev.1", await ListAsync(harness));

        await harness.AsSystemAsync(async sp => await sp.GetRequiredService<IDepartmentService>().UpdateAsync(org.Dev, new("DEV", "DEV", org.Hq, null, 0), 1));
        Assert.DoesNotContain("dev.1", await ListAsync(harness));

        await harness.AsSystemAsync(async sp => await sp.GetRequiredService<IDepartmentService>().UpdateAsync(org.Fin, new("FIN", "FIN", org.Ops, null, 0), 1));
        Assert.Contains("fin.1", await ListAsync(harness));
    }

    [Fact]
    public async Task OutOfScopeUsers_CannotBeOpenedOrChanged()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var org = await Organisation.CreateAsync(harness);
        var editor = await harness.RoleAsync("editors", DataScope.Department, null, SystemPermissions.Users.View, SystemPermissions.Users.Update, SystemPermissions.Users.Enable);
        harness.CurrentUser.Actor = await harness.UserAsync("it.editor", org.It, [editor]);
        var finUser = org.Users["fin.1"];

        await harness.InScopeAsync(async sp =>
        {
            Assert.Equal("auth.user.not_found", (await sp.GetRequiredService<IUserService>().GetAsync(finUser)).Error!.Code);
            Assert.Equal(0, (await sp.GetRequiredService<IUserAdministration>().SetActiveAsync([finUser], false)).Value);
            return 0;
        });
    }

    private static async Task<IReadOnlyList<string>> VisibleAsync(InfrastructureHarness harness, Organisation org, DataScope scope, IReadOnlyCollection<long>? custom = null)
    {
        var role = await harness.RoleAsync($"scope.{scope}".ToLowerInvariant(), scope, custom, SystemPermissions.Users.View);
        await harness.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<IUserService>();
            var detail = (await users.GetAsync(org.Users["it.viewer"])).Value;
            return await users.UpdateAsync(detail.Row.Id, detail.Input with { RoleIds = [role] }, detail.ConcurrencyStamp);
        });
        harness.CurrentUser.Actor = new Actor(org.Users["it.viewer"], "it.viewer", true, false);
        return await ListAsync(harness);
    }

    private static Task<IReadOnlyList<string>> ListAsync(InfrastructureHarness harness) =>
        harness.InScopeAsync<IReadOnlyList<string>>(async sp =>
            (await sp.GetRequiredService<IUserService>().QueryAsync(new UserFilter(), new PageRequest { PageSize = 100 }))
                .Items.Select(u => u.UserName).Order(StringComparer.Ordinal).ToList());

    private sealed record Organisation(long Hq, long It, long Ops, long Dev, long Fin, long Viewers, Dictionary<string, long> Users)
    {
        public static async Task<Organisation> CreateAsync(InfrastructureHarness harness)
        {
            var hq = await harness.DepartmentAsync("HQ");
            var it = await harness.DepartmentAsync("IT", hq);
            var ops = await harness.DepartmentAsync("OPS", it);
            var dev = await harness.DepartmentAsync("DEV", it);
            var fin = await harness.DepartmentAsync("FIN", hq);
            var viewers = await harness.RoleAsync("viewers", null, null, SystemPermissions.Users.View);
            var users = new Dictionary<string, long>();
            foreach (var (name, department) in new[] { ("hq.1", hq), ("it.head", it), ("ops.1", ops), ("dev.1", dev), ("fin.1", fin) })
            {
                users[name] = (await harness.UserAsync(name, department)).UserId!.Value;
            }

            users["it.viewer"] = (await harness.UserAsync("it.viewer", it, [viewers])).UserId!.Value;
            return new Organisation(hq, it, ops, dev, fin, viewers, users);
        }
    }
}
