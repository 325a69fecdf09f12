using System.Globalization;
using MongoDB.Bson;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// MongoDB data sources through the official driver, against a stand-in server that speaks MongoDB's wire protocol (none
/// can be installed here): the query is an aggregation pipeline whose parameters arrive as typed BSON values, never as
/// text; writing and JavaScript stages are refused; rows come through cursors up to the cap; scope, pages and counts are
/// stages; the sign-in is SCRAM-SHA-256; a slow query stops at maxTimeMS.
/// </summary>
public sealed class MongoEngineTests : IAsyncLifetime
{
    private const string Grouped = """
        {"collection": "sales", "pipeline": [
          {"$match": {"region": {"$in": "{{regions}}"}, "amount": {"$gte": "{{minimum}}"}, "sold_on": {"$gte": "{{period.from}}", "$lt": "{{period.to}}"}}},
          {"$group": {"_id": "$region", "total": {"$sum": "$amount"}}},
          {"$sort": {"_id": 1}}
        ]}
        """;

    private static readonly ReportParameter[] GroupedParameters =
    [
        new("regions", ReportParameterType.MultiChoice, Options: ["east", "west", "north", "south"]),
        new("minimum", ReportParameterType.Number),
        new("period", ReportParameterType.DateRange),
    ];

    private MongoStandIn _server = default!;
    private ReportQuerySession _session = default!;

    public async ValueTask InitializeAsync()
    {
        _server = MongoStandIn.Start();
        _session = await ReportQuerySession.StartAsync(Input("业务文档库", _server.Password));
    }

    public async ValueTask DisposeAsync()
    {
        await _session.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task ParametersArriveAsTypedBsonValues_AndAnEmptyParameterDropsItsFilter()
    {
        var filtered = await RunAsync(Grouped, GroupedParameters, new() { ["regions"] = "east,west", ["minimum"] = "90", ["period"] = "2026-01-01..2026-02-14" });
        var all = await RunAsync(Grouped, GroupedParameters, new() { ["regions"] = "east,west,north,south" });

        Assert.True(filtered.IsSuccess, filtered.Error?.ToString());
        Assert.Equal([("east", 250.0), ("west", 200.0)], filtered.Value.Rows.Select(r => ((string)r[0]!, (double)r[1]!)));
        var match = _server.Aggregates.First()["pipeline"][0]["$match"].AsBsonDocument;
        Assert.Equal(new BsonArray { "east", "west" }, match["region"]["$in"]);
        Assert.Equal(BsonType.Int64, match["amount"]["$gte"].BsonType);
        Assert.Equal(new BsonDateTime(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), match["sold_on"]["$gte"]);
        Assert.Equal(new BsonDateTime(new DateTime(2026, 2, 15, 0, 0, 0, DateTimeKind.Utc)), match["sold_on"]["$lt"]);
        // The row cap rides along as a last stage, and the time limit as maxTimeMS.
        Assert.Equal(new BsonDocument("$limit", 10_001), _server.Aggregates.First()["pipeline"].AsBsonArray.Last());
        Assert.Equal(30_000, _server.Aggregates.First()["maxTimeMS"].ToInt32());
        Assert.Equal(4, all.Value.Rows.Count);
        var unfiltered = _server.Aggregates.Last()["pipeline"][0]["$match"].AsBsonDocument;
        Assert.Equal(["region"], unfiltered.Names);
    }

    [Fact]
    public async Task AValueCarryingQuotesAndOperators_IsAString_AndWritingOrScriptStagesAreRefusedBeforeTheServer()
    {
        var quoted = await RunAsync("""{"collection": "sales", "pipeline": [{"$match": {"region": "{{region}}"}}, {"$count": "n"}]}""",
            [new("region", ReportParameterType.Text)], new() { ["region"] = "\"}, {\"$where\": \"sleep(1000)\"}, {\"x\": \"" });
        var refused = new[]
        {
            """{"collection": "sales", "pipeline": [{"$out": "stolen"}]}""",
            """{"collection": "sales", "pipeline": [{"$merge": {"into": "sales"}}]}""",
            """{"collection": "sales", "pipeline": [{"$match": {"$where": "sleep(100)"}}]}""",
            """{"collection": "sales", "pipeline": [{"$facet": {"a": [{"$out": "x"}]}}]}""",
            """{"collection": "sales", "pipeline": [{"$group": {"_id": null, "n": {"$accumulator": {}}}}]}""",
            """{"collection": "system.users", "pipeline": []}""",
            """db.sales.aggregate([])""",
        };

        Assert.True(quoted.IsSuccess, quoted.Error?.ToString());
        Assert.Empty(quoted.Value.Rows);
        Assert.Equal(BsonType.String, _server.Aggregates.Single()["pipeline"][0]["$match"]["region"].BsonType);
        foreach (var query in refused)
        {
            var result = await RunAsync(query);
            Assert.True(result.IsFailure, query);
            Assert.StartsWith("report.query.pipeline_", result.Error!.Code, StringComparison.Ordinal);
            Assert.Equal("report.query", result.Error.Field);
        }

        Assert.Single(_server.Aggregates);
    }

    [Fact]
    public async Task RowsArriveThroughTheCursorUpToTheCap_ColumnsAreTheFieldsInOrder()
    {
        await _session.SetLimitsAsync(maxRows: 5);

        var result = await RunAsync("""{"collection": "sales", "pipeline": [{"$sort": {"id": 1}}, {"$project": {"_id": 0, "id": 1, "region": 1, "sold_on": 1}}]}""");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(["id", "region", "sold_on"], result.Value.Columns.Select(c => c.Name));
        Assert.Equal([QueryColumnKind.Number, QueryColumnKind.Text, QueryColumnKind.DateTime], result.Value.Columns.Select(c => c.Kind));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], result.Value.Rows.Select(r => (long)r[0]!));
        Assert.True(result.Value.Truncated);
        Assert.Equal(new DateTime(2026, 1, 5), result.Value.Rows[0][2]);
    }

    [Fact]
    public async Task ScopePagesCountsAndTotals_AreStagesAfterTheQuery()
    {
        var scope = new RowScope("department_id", "owner_id");
        const string query = """{"collection": "sales", "pipeline": [{"$project": {"_id": 0, "id": 1, "department_id": 1, "owner_id": 1, "amount": 1}}]}""";

        var (scoped, nobody, page, count, sums) = await _session.WithRunnerAsync(async (runner, source) =>
        {
            QueryRun Run(DataScopeFilter filter) => new(source, query, [], new Dictionary<string, string?>(), scope, filter, new QueryViewer(null, null));
            return ((await runner.RunAsync(Run(new DataScopeFilter(false, 10, new HashSet<long> { 2 })), default)).Value,
                (await runner.RunAsync(Run(new DataScopeFilter(false, 99, new HashSet<long>())), default)).Value,
                (await runner.PageAsync(Run(DataScopeFilter.Everything(1)), new QueryPage(1, 5, "amount", Descending: true), default)).Value,
                (await runner.CountAsync(Run(new DataScopeFilter(false, 99, new HashSet<long>())), default)).Value,
                (await runner.TotalsAsync(Run(new DataScopeFilter(false, 10, new HashSet<long> { 2 })), ["id", "amount"], default)).Value);
        });

        Assert.Equal(new long[] { 1, 2, 4, 5, 6, 7, 10, 11 }, scoped.Rows.Select(r => (long)r[0]!).Order().ToArray());
        Assert.Empty(nobody.Rows);
        Assert.Equal(new long[] { 10, 3, 6, 9, 5 }, page.Rows.Rows.Select(r => (long)r[0]!).ToArray());
        Assert.True(page.HasMore);
        Assert.Equal(0, count);
        // Ids 1, 2, 4, 5, 6, 7, 10, 11: amounts 100 + 150 + 200 + 50 + 75 + 300 + 90 + 110.
        Assert.Equal([46m, 1075m], sums);
        var pageStages = _server.Aggregates.ElementAt(2)["pipeline"].AsBsonArray;
        Assert.Equal(new BsonDocument("$sort", new BsonDocument("amount", -1)), pageStages[^4]);
        Assert.Equal(new BsonDocument("$skip", 5), pageStages[^3]);
    }

    [Fact]
    public async Task AnExport_StreamsEveryBatch_PastTheDisplayCap()
    {
        await _session.SetLimitsAsync(maxRows: 5);

        var (ids, columns) = await _session.WithRunnerAsync(async (runner, source) =>
        {
            var stream = runner.Stream(new QueryRun(source, """{"collection": "sales", "pipeline": [{"$sort": {"id": 1}}, {"$project": {"_id": 0, "id": 1, "region": 1}}]}""",
                [], new Dictionary<string, string?>(), null, DataScopeFilter.Everything(1), new QueryViewer(null, null)), 1_048_575).Value;
            var read = new List<long>();
            await foreach (var row in stream.Rows(default))
            {
                read.Add((long)row[0]!);
            }

            return (read, stream.Columns);
        });

        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), ids);
        Assert.Equal(["id", "region"], columns.Select(c => c.Name));
        Assert.Equal(1_048_576, _server.Aggregates.Single()["pipeline"].AsBsonArray.Last()["$limit"].ToInt32());
    }

    [Fact]
    public async Task ASlowQuery_StopsAtItsTimeLimit_WithALocalizedMessage()
    {
        await _session.SetLimitsAsync(timeoutSeconds: 1);

        var result = await RunAsync("""{"collection": "slow", "pipeline": []}""");

        Assert.Equal(("report.query.timeout", "report.query"), (result.Error!.Code, result.Error.Field));
        Assert.Equal(1000, _server.Aggregates.Single()["maxTimeMS"].ToInt32());
    }

    [Fact]
    public async Task TheConnectionTest_SignsInWithScram_TheSchemaSamplesFields_AndAWrongPasswordFails()
    {
        var wrong = await _session.AddSourceAsync(Input("wrong password", "not it"));

        var (ok, failed, schema) = await _session.Harness.InScopeAsync(async sp =>
        {
            var sources = sp.GetRequiredService<IDataSourceService>();
            return ((await sources.TestAsync(_session.SourceId)).Value, (await sources.TestAsync(wrong)).Value, (await sources.SchemaAsync(_session.SourceId)).Value);
        });
        var broken = await RunAsync("""{"collection": "sales", "pipeline": [{"$bogus": 1}]}""");

        Assert.True(ok.Ok, ok.Message);
        Assert.Equal("MongoDB " + MongoStandIn.Version, ok.Message);
        Assert.False(failed.Ok);
        Assert.Contains("Authentication failed", failed.Message, StringComparison.Ordinal);
        var sales = Assert.Single(schema);
        Assert.Equal(["_id", "id", "department_id", "owner_id", "region", "amount", "sold_on"], sales.Columns.Select(c => c.Name));
        Assert.Equal("datetime", sales.Columns[^1].Type);
        Assert.Equal(("report.query.failed", "report.query"), (broken.Error!.Code, broken.Error.Field));
        Assert.Contains("$bogus", (string)broken.Error.Args[0], StringComparison.Ordinal);
    }

    private DataSourceInput Input(string name, string password) =>
        new(name, DataSourceType.MongoDb, "127.0.0.1", _server.Port, "reports", _server.User, password, null, true);

    private Task<Result<QueryResult>> RunAsync(string query, IReadOnlyList<ReportParameter>? parameters = null, Dictionary<string, string?>? values = null) =>
        _session.RunAsync(query, parameters, values);
}
