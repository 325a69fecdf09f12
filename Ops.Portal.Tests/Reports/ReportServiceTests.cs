using System.Globalization;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>Reports through their services: draft, publish, restore; who sees what; who may write SQL; bad input.</summary>
public sealed class ReportServiceTests
{
    private const string TotalByRegion = "SELECT region, SUM(amount) AS total FROM sales GROUP BY region ORDER BY region";

    private static ReportInput Input(long source, string query = TotalByRegion, string name = "Sales by region", bool isPublic = true, IReadOnlyList<ReportGrantInput>? grants = null,
        ReportDisplayType display = ReportDisplayType.Bar, RowScope? scope = null) =>
        new(name, "Monthly sales", "Sales", source, isPublic, true,
            new ReportDefinition(query, [], display, new ChartSettings("region", ["total"]), Scope: scope), grants ?? []);

    private static async Task<(InfrastructureHarness Harness, ReportTarget Target, long Source)> StartAsync(DataSourceType type = DataSourceType.Sqlite)
    {
        var target = await ReportTarget.CreateAsync(type);
        var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var source = await harness.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(target.Input));
        return (harness, target, source.Value);
    }

    private static Task<T> As<T>(InfrastructureHarness harness, Actor actor, Func<IServiceProvider, Task<T>> action)
    {
        harness.CurrentUser.Actor = actor;
        return harness.InScopeAsync(action);
    }

    private static decimal[] Totals(Result<ReportData> data) =>
        [.. data.Value.Current.Rows.Select(r => Convert.ToDecimal(r[1], CultureInfo.InvariantCulture))];

    [Fact]
    public async Task ADraft_IsNotSeenUntilPublished_EditsWaitForTheNextPublish_AndAnEarlierVersionCanBeRestored()
    {
        var (harness, target, source) = await StartAsync();
        await using var _ = harness;
        await using var __ = target;
        var viewerRole = await harness.RoleAsync("viewers", DataScope.All, null, ReportPermissions.Reports.View);
        var viewer = await harness.UserAsync("viewer", null, [viewerRole]);

        var id = (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().CreateAsync(Input(source)))).Value;
        var hidden = await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().OpenAsync(id));
        var listedHidden = await As(harness, viewer, sp => sp.GetRequiredService<IReportService>().ListAsync(new(), new PageRequest()));
        Assert.Equal("report.not_found", hidden.Error?.Code);
        Assert.Empty(listedHidden.Items);

        var reports = (IServiceProvider sp) => sp.GetRequiredService<IReportService>();
        var detail = (await harness.AsSystemAsync(sp => reports(sp).GetAsync(id))).Value;
        Assert.True((await harness.AsSystemAsync(sp => reports(sp).PublishAsync(id, detail.Version))).IsSuccess);
        var first = await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()));
        Assert.Equal([310m, 165m, 435m, 370m], Totals(first));

        // The editor changes the draft: the viewer keeps the live version until it is published.
        detail = (await harness.AsSystemAsync(sp => reports(sp).GetAsync(id))).Value;
        var edited = Input(source, "SELECT region, COUNT(*) AS total FROM sales GROUP BY region ORDER BY region");
        Assert.True((await harness.AsSystemAsync(sp => reports(sp).UpdateAsync(id, edited, detail.Version))).IsSuccess);
        Assert.Equal([310m, 165m, 435m, 370m], Totals(await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()))));
        detail = (await harness.AsSystemAsync(sp => reports(sp).GetAsync(id))).Value;
        Assert.True(detail.HasUnpublishedChanges);
        Assert.True((await harness.AsSystemAsync(sp => reports(sp).PublishAsync(id, detail.Version))).IsSuccess);
        Assert.Equal([3m, 3m, 3m, 3m], Totals(await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()))));

        // Publishing twice with the same version (a double click) publishes once.
        var again = await harness.AsSystemAsync(sp => reports(sp).PublishAsync(id, detail.Version));
        Assert.Equal("common.concurrency_conflict", again.Error?.Code);

        // Version 1 comes back as version 3.
        Assert.True((await harness.AsSystemAsync(sp => reports(sp).RestoreAsync(id, 1))).IsSuccess);
        detail = (await harness.AsSystemAsync(sp => reports(sp).GetAsync(id))).Value;
        Assert.Equal([3, 2, 1], detail.Versions.Select(v => v.Number));
        Assert.Equal(TotalByRegion, detail.Input.Definition.Query);
        Assert.Equal([310m, 165m, 435m, 370m], Totals(await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()))));

        // The viewer never sees the query text; opening counts a view. Archiving hides it again.
        var view = await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().OpenAsync(id));
        Assert.Equal("", view.Value.Definition.Query);
        Assert.Equal(1, (await harness.AsSystemAsync(sp => reports(sp).ListAsync(new(), new PageRequest()))).Items.Single().ViewCount);
        Assert.True((await harness.AsSystemAsync(sp => reports(sp).ArchiveAsync(id))).IsSuccess);
        Assert.Equal("report.not_found", (await As(harness, viewer, sp => sp.GetRequiredService<IReportViewer>().OpenAsync(id))).Error?.Code);
    }

    [Fact]
    public async Task AReportThatIsNotPublic_IsSeenByItsGrantsOnly_AndFavoritesAreEachViewersOwn()
    {
        var (harness, target, source) = await StartAsync();
        await using var _ = harness;
        await using var __ = target;
        var sales = await harness.DepartmentAsync("sales");
        var finance = await harness.DepartmentAsync("finance");
        var viewers = await harness.RoleAsync("viewers", DataScope.All, null, ReportPermissions.Reports.View);
        var analysts = await harness.RoleAsync("analysts", DataScope.All, null, ReportPermissions.Reports.View);
        var byRole = await harness.UserAsync("by.role", finance, [viewers, analysts]);
        var byDepartment = await harness.UserAsync("by.department", sales, [viewers]);
        var byName = await harness.UserAsync("by.name", finance, [viewers]);
        var outsider = await harness.UserAsync("outsider", finance, [viewers]);
        var grants = new List<ReportGrantInput> { new(ReportGrantKind.Role, analysts), new(ReportGrantKind.Department, sales), new(ReportGrantKind.User, byName.UserId!.Value) };

        var id = (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().CreateAsync(Input(source, isPublic: false, grants: grants)))).Value;
        await harness.AsSystemAsync(async sp => await sp.GetRequiredService<IReportService>().PublishAsync(id, (await sp.GetRequiredService<IReportService>().GetAsync(id)).Value.Version));

        foreach (var actor in new[] { byRole, byDepartment, byName })
        {
            Assert.True((await As(harness, actor, sp => sp.GetRequiredService<IReportViewer>().OpenAsync(id))).IsSuccess, actor.Name);
        }

        Assert.Equal("report.not_found", (await As(harness, outsider, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()))).Error?.Code);
        Assert.Equal("report.not_found", (await As(harness, outsider, sp => sp.GetRequiredService<IReportViewer>().ToggleFavoriteAsync(id))).Error?.Code);
        Assert.Empty((await As(harness, outsider, sp => sp.GetRequiredService<IReportService>().ListAsync(new(), new PageRequest()))).Items);

        Assert.True((await As(harness, byName, sp => sp.GetRequiredService<IReportViewer>().ToggleFavoriteAsync(id))).Value);
        var mine = await As(harness, byName, sp => sp.GetRequiredService<IReportService>().ListAsync(new ReportFilter(FavoritesOnly: true), new PageRequest()));
        var theirs = await As(harness, byRole, sp => sp.GetRequiredService<IReportService>().ListAsync(new ReportFilter(FavoritesOnly: true), new PageRequest()));
        Assert.True(mine.Items.Single().IsFavorite);
        Assert.Empty(theirs.Items);
        Assert.False((await As(harness, byName, sp => sp.GetRequiredService<IReportViewer>().ToggleFavoriteAsync(id))).Value);
    }

    [Fact]
    public async Task WritingTheQuery_NeedsItsOwnPermission_ButTheDisplayCanBeChangedWithout()
    {
        var (harness, target, source) = await StartAsync();
        await using var _ = harness;
        await using var __ = target;
        var designers = await harness.RoleAsync("designers", DataScope.All, null, ReportPermissions.Reports.View, ReportPermissions.Reports.Edit, ReportPermissions.DataSources.View);
        var designer = await harness.UserAsync("designer", null, [designers]);
        var id = (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().CreateAsync(Input(source)))).Value;
        var version = (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().GetAsync(id))).Value.Version;

        await Assert.ThrowsAsync<ForbiddenException>(() => As(harness, designer, sp => sp.GetRequiredService<IReportService>().UpdateAsync(id, Input(source, "SELECT 1 AS total"), version)));
        await Assert.ThrowsAsync<ForbiddenException>(() => As(harness, designer, sp => sp.GetRequiredService<IReportService>().CreateAsync(Input(source))));
        var display = await As(harness, designer, sp => sp.GetRequiredService<IReportService>().UpdateAsync(id, Input(source, display: ReportDisplayType.Pie), version));

        Assert.True(display.IsSuccess, display.Error?.ToString());
        Assert.Equal(ReportDisplayType.Pie, (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().GetAsync(id))).Value.Input.Definition.Display);
        Assert.Equal(TotalByRegion, (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().GetAsync(id))).Value.Input.Definition.Query);
        Assert.Single((await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().ListAsync(new(), new PageRequest()))).Items);
    }

    [Fact]
    public async Task BadInput_GetsAClearErrorOnItsField_AndSavesNothing()
    {
        var (harness, target, source) = await StartAsync();
        await using var _ = harness;
        await using var __ = target;
        async Task<Error?> Create(ReportInput input) => (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().CreateAsync(input))).Error;

        Assert.Equal(("common.too_long", "field.name"), Pair(await Create(Input(source, name: new string('名', 10_000)))));
        Assert.Equal(("common.required", "field.name"), Pair(await Create(Input(source, name: "  "))));
        Assert.Equal(("scheduler.datasource.not_found", "report.datasource"), Pair(await Create(Input(999))));
        Assert.Equal(("report.query.several_statements", "report.query"), Pair(await Create(Input(source, "SELECT 1; DELETE FROM sales"))));
        Assert.Equal(("report.query.not_a_read", "report.query"), Pair(await Create(Input(source, "DROP TABLE sales"))));
        Assert.Equal(("report.parameter.undeclared", "report.query"), Pair(await Create(Input(source, "SELECT {{year}}"))));
        Assert.Equal(("report.scope.column_invalid", "report.scope_column"), Pair(await Create(Input(source, scope: new RowScope("dept; DROP", null)))));
        var badParameter = Input(source) with { Definition = new ReportDefinition(TotalByRegion, [new ReportParameter("day", ReportParameterType.Date, Default: "2026-13-01")]) };
        Assert.Equal(("report.parameter.not_a_date", "param.day"), Pair(await Create(badParameter)));
        var badColor = Input(source) with { Definition = new ReportDefinition(TotalByRegion, [], Chart: new ChartSettings(Colors: ["red; background:url(x)"])) };
        Assert.Equal(("report.color.invalid", "report.colors"), Pair(await Create(badColor)));

        Assert.Empty((await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().ListAsync(new(), new PageRequest()))).Items);
    }

    [Fact]
    public async Task TwoViewersWithDifferentScopes_GetDifferentRowsFromTheSameReport_OnMariaDb()
    {
        var (harness, target, source) = await StartAsync(DataSourceType.MySql);
        await using var _ = harness;
        await using var __ = target;
        var north = await harness.DepartmentAsync("north_office");
        var south = await harness.DepartmentAsync("south_office");
        await using (var admin = await target.AdminAsync())
        {
            await using var command = admin.CreateCommand();
            command.CommandText = string.Create(CultureInfo.InvariantCulture,
                $"UPDATE sales SET department_id = CASE WHEN region IN ('north', 'east') THEN {north} ELSE {south} END");
            await command.ExecuteNonQueryAsync();
        }

        var viewers = await harness.RoleAsync("dept_viewers", DataScope.Department, null, ReportPermissions.Reports.View);
        var inNorth = await harness.UserAsync("in.north", north, [viewers]);
        var inSouth = await harness.UserAsync("in.south", south, [viewers]);
        var query = "SELECT region, SUM(amount) AS total, department_id FROM sales GROUP BY region, department_id ORDER BY region";
        var id = (await harness.AsSystemAsync(sp => sp.GetRequiredService<IReportService>().CreateAsync(Input(source, query, scope: new RowScope("department_id", null))))).Value;
        await harness.AsSystemAsync(async sp => await sp.GetRequiredService<IReportService>().PublishAsync(id, (await sp.GetRequiredService<IReportService>().GetAsync(id)).Value.Version));

        var northRows = await As(harness, inNorth, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()));
        var southRows = await As(harness, inSouth, sp => sp.GetRequiredService<IReportViewer>().DataAsync(id, new Dictionary<string, string?>()));

        Assert.Equal(["east", "north"], northRows.Value.Current.Rows.Select(r => (string)r[0]!));
        Assert.Equal(["south", "west"], southRows.Value.Current.Rows.Select(r => (string)r[0]!));
    }

    private static (string, string?) Pair(Error? error) => (error?.Code ?? "(none)", error?.Field);
}
