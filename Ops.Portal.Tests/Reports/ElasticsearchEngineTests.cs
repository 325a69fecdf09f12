using System.Globalization;
using System.Text.Json.Nodes;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// Elasticsearch data sources through the official client's SQL API, against a stand-in node that speaks Elasticsearch's
/// REST formats (no Elasticsearch can be installed here): parameters travel as typed <c>params</c> and never in the text,
/// rows come through cursors up to the cap and the cursor is closed, a viewer's scope is a filter on the documents, and
/// the connection test, schema and errors read the node's answers.
/// </summary>
public sealed class ElasticsearchEngineTests : IAsyncLifetime
{
    private ElasticsearchStandIn _node = default!;
    private ReportQuerySession _session = default!;

    public async ValueTask InitializeAsync()
    {
        _node = await ElasticsearchStandIn.StartAsync();
        _session = await ReportQuerySession.StartAsync(Input("搜索日志", _node.Password));
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await _node.DisposeAsync();
    }

    [Fact]
    public async Task ParametersAreSentAsTypedParams_NeverInTheText_AndTheRowsComeBack()
    {
        ReportParameter[] parameters = [new("regions", ReportParameterType.MultiChoice, Options: ["east", "west", "north", "south"]), new("minimum", ReportParameterType.Number)];

        var result = await RunAsync(
            "SELECT region, SUM(amount) AS total FROM sales WHERE region IN ({{regions}}) [[AND amount >= {{minimum}}]] GROUP BY region ORDER BY region",
            parameters, new() { ["regions"] = "east,west", ["minimum"] = "90" });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal([("east", 250m), ("west", 290m)], result.Value.Rows.Select(r => ((string)r[0]!, Convert.ToDecimal(r[1], CultureInfo.InvariantCulture))));
        Assert.Equal([QueryColumnKind.Text, QueryColumnKind.Number], result.Value.Columns.Select(c => c.Kind));
        var sent = Assert.Single(_node.Queries);
        Assert.Equal("SELECT region, SUM(amount) AS total FROM sales WHERE region IN (?, ?) AND amount >= ? GROUP BY region ORDER BY region", sent["query"]!.GetValue<string>());
        Assert.Equal("[\"east\",\"west\",90]", sent["params"]!.ToJsonString());
        Assert.Equal("30s", sent["request_timeout"]!.GetValue<string>());
    }

    [Fact]
    public async Task AValueCarryingQuotesAndSql_IsAParameter_AndWritesAreRefusedBeforeTheNode()
    {
        var quoted = await RunAsync("SELECT COUNT(*) AS n FROM sales WHERE region = {{region}}", [new("region", ReportParameterType.Text)],
            new() { ["region"] = "east' OR '1'='1" });
        var write = await RunAsync("DELETE FROM sales");
        var hidden = await RunAsync("SELECT 1; DROP TABLE sales");

        Assert.Equal(0L, Convert.ToInt64(quoted.Value.Rows.Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal("[\"east\\u0027 OR \\u00271\\u0027=\\u00271\"]", _node.Queries.Single()["params"]!.ToJsonString());
        Assert.Equal("report.query", write.Error!.Field);
        Assert.Equal("report.query", hidden.Error!.Field);
        Assert.Single(_node.Queries);
    }

    [Fact]
    public async Task RowsArriveThroughTheCursor_UpToTheCap_AndTheCursorIsClosed()
    {
        _node.MaxPage = 5;
        var all = await RunAsync("SELECT id FROM sales ORDER BY id");
        await _session.SetLimitsAsync(maxRows: 7);
        var capped = await RunAsync("SELECT id FROM sales ORDER BY id");

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), all.Value.Rows.Select(r => (long)r[0]!));
        Assert.False(all.Value.Truncated);
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), capped.Value.Rows.Select(r => (long)r[0]!));
        Assert.True(capped.Value.Truncated);
        // 12 rows in pages of 5: the capped read stopped after the second page and closed the cursor of the third.
        Assert.Single(_node.ClosedCursors);
    }

    [Fact]
    public async Task AnExport_StreamsEveryPageOfTheCursor_PastTheDisplayCap_AndClosesACursorItLeaves()
    {
        _node.MaxPage = 5;
        await _session.SetLimitsAsync(maxRows: 5);

        async Task<(long[] Ids, IReadOnlyList<QueryColumn> Columns)> Export(int maxRows) => await _session.WithRunnerAsync(async (runner, source) =>
        {
            var stream = runner.Stream(new QueryRun(source, "SELECT id, region FROM sales ORDER BY id", [], new Dictionary<string, string?>(), null, DataScopeFilter.Everything(1), new QueryViewer(null, null)), maxRows).Value;
            var ids = new List<long>();
            await foreach (var row in stream.Rows(default))
            {
                ids.Add((long)row[0]!);
            }

            return (ids.ToArray(), stream.Columns);
        });

        var all = await Export(1_048_575);
        var seven = await Export(7);

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), all.Ids);
        Assert.Equal(["id", "region"], all.Columns.Select(c => c.Name));
        // The whole read ran the cursor to its end (nothing to close); the one stopped at 7 closed its cursor.
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (long)i), seven.Ids);
        Assert.Single(_node.ClosedCursors);
    }

    [Fact]
    public async Task AViewersScope_IsAFilterOnTheDocuments()
    {
        var scope = new RowScope("department_id", "owner_id");

        async Task<long[]> IdsAs(DataScopeFilter filter) => (await _session.WithRunnerAsync((runner, source) => runner.RunAsync(
            new QueryRun(source, "SELECT id, department_id, owner_id FROM sales ORDER BY id", [], new Dictionary<string, string?>(), scope, filter, new QueryViewer(null, null)), default)))
            .Value.Rows.Select(r => (long)r[0]!).ToArray();

        Assert.Equal(12, (await IdsAs(DataScopeFilter.Everything(1))).Length);
        Assert.Equal(new long[] { 1, 2, 4, 5, 6, 7, 10, 11 }, await IdsAs(new DataScopeFilter(false, 10, new HashSet<long> { 2 })));
        Assert.Empty(await IdsAs(new DataScopeFilter(false, 99, new HashSet<long>())));
        Assert.Null(_node.Queries.First()["filter"]);
        Assert.Equal("{\"bool\":{\"minimum_should_match\":1,\"should\":[{\"terms\":{\"department_id\":[2]}},{\"term\":{\"owner_id\":{\"value\":10}}}]}}",
            _node.Queries.ElementAt(1)["filter"]!.ToJsonString());
    }

    [Fact]
    public async Task ATablePage_IsSortedCountedAndTotalledOverTheCappedRows()
    {
        var page = await _session.WithRunnerAsync(async (runner, source) =>
        {
            var run = new QueryRun(source, "SELECT id, amount FROM sales", [], new Dictionary<string, string?>(), null, DataScopeFilter.Everything(1), new QueryViewer(null, null));
            return (Page: (await runner.PageAsync(run, new QueryPage(1, 5, "amount", Descending: true), default)).Value, Count: (await runner.CountAsync(run, default)).Value,
                Sums: (await runner.TotalsAsync(run, ["id", "amount"], default)).Value);
        });

        // Amounts descending: 300, 200, 150, 110, 100 | 90, 80, 75, 60, 50 | 40, 25.
        Assert.Equal(new long[] { 10, 3, 6, 9, 5 }, page.Page.Rows.Rows.Select(r => (long)r[0]!).ToArray());
        Assert.True(page.Page.HasMore);
        Assert.Equal(12, page.Count);
        Assert.Equal([78m, 1280m], page.Sums);
    }

    [Fact]
    public async Task TheConnectionTest_GivesTheVersion_TheSchemaListsIndicesAndFields_AndBadQueriesGetTheNodesWords()
    {
        var wrong = await _session.AddSourceAsync(Input("wrong password", "not it"));

        var (ok, failed, schema) = await _session.Harness.InScopeAsync(async sp =>
        {
            var sources = sp.GetRequiredService<IDataSourceService>();
            return ((await sources.TestAsync(_session.SourceId)).Value, (await sources.TestAsync(wrong)).Value, (await sources.SchemaAsync(_session.SourceId)).Value);
        });
        var broken = await RunAsync("SELECT no_such_column FROM sales");

        Assert.True(ok.Ok, ok.Message);
        Assert.Equal("Elasticsearch " + ElasticsearchStandIn.Version, ok.Message);
        Assert.False(failed.Ok);
        Assert.Contains("unable to authenticate", failed.Message, StringComparison.Ordinal);
        var sales = Assert.Single(schema);
        Assert.Equal("sales", sales.Name);
        Assert.Equal(["id", "department_id", "owner_id", "region", "amount", "sold_on"], sales.Columns.Select(c => c.Name));
        Assert.Equal("datetime", sales.Columns[^1].Type);
        Assert.Equal(("report.query.failed", "report.query"), (broken.Error!.Code, broken.Error.Field));
        Assert.Contains("no_such_column", (string)broken.Error.Args[0], StringComparison.Ordinal);
    }

    private DataSourceInput Input(string name, string password) =>
        new(name, DataSourceType.Elasticsearch, "127.0.0.1", _node.Port, "sales*", _node.User, password, null, true);

    private Task<Result<QueryResult>> RunAsync(string query, IReadOnlyList<ReportParameter>? parameters = null, Dictionary<string, string?>? values = null) =>
        _session.RunAsync(query, parameters, values);
}
