using Ops.Domain.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Auth;

public sealed class UserImportTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ThousandRows_ThreeBad_ReportsExactlyThose_AndImportsNothing_ThenAllWhenFixed(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        await harness.DepartmentAsync("IT");
        await harness.RoleAsync("staff");
        harness.CurrentUser.Actor = Actor.System;
        var rows = Enumerable.Range(1, 1000).Select(i => new Dictionary<string, object?>
        {
            ["UserName"] = $"user{i:0000}",
            ["RealName"] = $"用户{i}",
            ["Email"] = $"user{i}@ops.example",
            ["Phone"] = $"138{i:00000000}",
            ["DepartmentCode"] = "IT",
            ["RoleCodes"] = "staff",
            ["Active"] = "是",
        }).ToList();
        rows[99]["Email"] = "broken-address";
        rows[499]["DepartmentCode"] = "NOPE";
        rows[899]["UserName"] = "user0001";

        var report = await ImportAsync(harness, rows);

        Assert.False(report.Succeeded);
        Assert.Equal([(101, "auth.profile.email_invalid"), (501, "import.unknown_department"), (901, "auth.user.duplicate_name")],
            report.Problems.Select(p => (p.Row, p.Error.Code)));
        Assert.Equal(0, await CountAsync(harness));

        rows[99]["Email"] = "user100@ops.example";
        rows[499]["DepartmentCode"] = "IT";
        rows[899]["UserName"] = "user0900";
        var fixedReport = await ImportAsync(harness, rows);

        Assert.True(fixedReport.Succeeded);
        Assert.Equal(1000, fixedReport.Imported);
        Assert.Equal(1000, await CountAsync(harness));
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(1000, await db.UserRoles.CountAsync());
    }

    [Fact]
    public async Task ChineseHeaders_AreReadToo_AndGarbageIsAClearError()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;

        var chinese = await ImportAsync(harness, [new() { ["用户名"] = "wang.wu", ["姓名"] = "王五", ["启用"] = "否" }]);
        var garbage = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserExchange>().ImportAsync(new MemoryStream("not a workbook"u8.ToArray()), TestSheets.English));

        Assert.True(chinese.Succeeded);
        Assert.Equal("import.unreadable", Assert.Single(garbage.Problems).Error.Code);
    }

    [Fact]
    public async Task Export_WritesTheVisibleUsers()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        await harness.UserAsync("exported.one");
        harness.CurrentUser.Actor = Actor.System;

        var bytes = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserExchange>().ExportAsync(new UserFilter(), null, TestSheets.English));

        var result = ExcelExchange.Import(new MemoryStream(bytes), (cells, _) => Result<string>.Success(cells.Values.First()!));
        Assert.Contains("exported.one", result.Rows);
    }

    [Fact]
    public async Task Export_ResolvesEachText_OncePerExport_NotPerRow()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        for (var i = 0; i < 6; i++)
        {
            await harness.UserAsync($"exported.{i}");
        }

        harness.CurrentUser.Actor = Actor.System;
        var lookups = 0;
        var english = TestSheets.English;
        var counting = english with { Text = key => { Interlocked.Increment(ref lookups); return english.Text(key); } };

        var bytes = await harness.InScopeAsync(sp => sp.GetRequiredService<IUserExchange>().ExportAsync(new UserFilter(), null, counting));

        var active = ExcelExchange.Import(new MemoryStream(bytes), (cells, _) => Result<string>.Success(cells["Active"]!));
        Assert.True(active.Rows.Count >= 6);
        Assert.All(active.Rows, value => Assert.Equal("yes", value));
        // Nine headers and the two words of the Active column, however many rows.
        Assert.InRange(lookups, 1, 11);
    }

    private static async Task<ImportReport> ImportAsync(InfrastructureHarness harness, List<Dictionary<string, object?>> rows)
    {
        var bytes = await ExcelExchange.ExportAsync(rows.Select(r => (IReadOnlyDictionary<string, object?>)r));
        return await harness.InScopeAsync(sp => sp.GetRequiredService<IUserExchange>().ImportAsync(new MemoryStream(bytes), TestSheets.English));
    }

    private static async Task<int> CountAsync(InfrastructureHarness harness)
    {
        await using var db = await harness.CreateDbContextAsync();
        return await db.Users.CountAsync();
    }
}
