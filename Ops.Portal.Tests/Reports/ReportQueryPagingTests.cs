using System.Globalization;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>What a report query returns beyond its rows: rows by data scope, database paging and counts, the schema.</summary>
public sealed class ReportQueryPagingTests
{
    public static TheoryData<DataSourceType> Engines => ReportTarget.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task RowsByDataScope_AreFilteredInTheQuery(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        // The query returns the scope columns; the scope filters its result.
        var scope = new RowScope("department_id", "owner_id");

        async Task<long[]> IdsAs(DataScopeFilter filter) => (await session.WithRunnerAsync((runner, source) => runner.RunAsync(
            Run(source, "SELECT id, department_id, owner_id FROM sales ORDER BY id", scope, filter), default))).Value.Rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).Order().ToArray();

        Assert.Equal(12, (await IdsAs(DataScopeFilter.Everything(1))).Length);
        // The query's own order survives the scope around it (MariaDB drops a derived table's ORDER BY without a LIMIT).
        var ordered = (await session.WithRunnerAsync((runner, source) => runner.RunAsync(
            Run(source, "SELECT id, department_id, owner_id FROM sales ORDER BY amount DESC", scope, new DataScopeFilter(false, 99, new HashSet<long> { 1, 2, 3 })), default))).Value.Rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(new long[] { 7, 4, 2, 11, 1, 10, 3, 6, 9, 5, 12, 8 }, ordered);
        // Department 2 or owned by user 10.
        var scoped = await IdsAs(new DataScopeFilter(false, 10, new HashSet<long> { 2 }));
        Assert.Equal(new long[] { 1, 2, 4, 5, 6, 7, 10, 11 }, scoped);
        // Only themselves (SELF): user 99 owns nothing.
        Assert.Empty(await IdsAs(new DataScopeFilter(false, 99, new HashSet<long>())));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ATablePage_IsSortedAndCutByTheDatabase_AndTheTotalIsCountedApart(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        var alias = type is DataSourceType.MySql or DataSourceType.ClickHouse ? "`金额 \"x`" : "\"金额 \"\"x\"";
        var sql = $"SELECT id, amount AS {alias} FROM sales";

        async Task<(long[] Ids, bool More)> Page(QueryPage page) => await session.WithRunnerAsync(async (runner, source) =>
        {
            var result = (await runner.PageAsync(Run(source, sql), page, default)).Value;
            return (result.Rows.Rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToArray(), result.HasMore);
        });

        var top = await Page(new QueryPage(0, 5, "金额 \"x", Descending: true));
        var last = await Page(new QueryPage(2, 5, "金额 \"x", Descending: true));
        var unsorted = await Page(new QueryPage(1, 5));
        var total = (await session.WithRunnerAsync((runner, source) => runner.CountAsync(Run(source, sql), default))).Value;

        // Amounts 300, 200, 150, 110, 100 are ids 7, 4, 2, 11, 1.
        Assert.Equal(new long[] { 7, 4, 2, 11, 1 }, top.Ids);
        Assert.True(top.More);
        Assert.Equal(2, last.Ids.Length);
        Assert.False(last.More);
        Assert.Equal(5, unsorted.Ids.Length);
        Assert.True(unsorted.More);
        Assert.Equal(12, total);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task TheTotalsRow_SumsEveryRow_NotThePage(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        var alias = type is DataSourceType.MySql or DataSourceType.ClickHouse ? "`金额 \"x`" : "\"金额 \"\"x\"";

        var sums = await session.WithRunnerAsync((runner, source) => runner.TotalsAsync(Run(source, $"SELECT id, amount AS {alias} FROM sales"), ["id", "金额 \"x"], default));

        Assert.True(sums.IsSuccess, sums.Error?.ToString());
        Assert.Equal([78m, 1280m], sums.Value);
    }

    private static Ops.Infrastructure.Reports.Queries.QueryRun Run(DataSource source, string sql, RowScope? scope = null, DataScopeFilter? filter = null) =>
        new(source, sql, [], new Dictionary<string, string?>(), scope, filter ?? DataScopeFilter.Everything(1), new QueryViewer(null, null));

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task TheSchema_ListsTheTablesAndColumnsTheAccountCanSee(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);

        var schema = await session.Harness.InScopeAsync(async sp =>
        {
            await using var db = await session.Harness.CreateDbContextAsync();
            var id = (await db.DataSources.AsNoTracking().SingleAsync()).Id;
            return await sp.GetRequiredService<IDataSourceService>().SchemaAsync(id);
        });

        Assert.True(schema.IsSuccess, schema.Error?.ToString());
        var sales = Assert.Single(schema.Value, t => t.Name == "sales");
        Assert.Equal(["id", "department_id", "owner_id", "region", "amount", "sold_on"], sales.Columns.Select(c => c.Name));
        Assert.All(sales.Columns, c => Assert.False(string.IsNullOrEmpty(c.Type)));
    }
}
