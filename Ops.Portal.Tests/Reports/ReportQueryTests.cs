using System.Globalization;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// Report queries on real engines (SQLite, MariaDB, PostgreSQL) through the editor's service: reads work with bound
/// parameters; writes, hidden statements, file and program access, and long sleeps are refused or stopped, and the
/// database is the same afterwards.
/// </summary>
public sealed class ReportQueryTests
{
    public static TheoryData<DataSourceType> Engines => ReportTarget.Engines;

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task AGroupedRead_ReturnsTypedColumnsAndRows_WithBoundParameters(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        ReportParameter[] parameters =
        [
            new("regions", ReportParameterType.MultiChoice, Options: ["east", "west", "north", "south"]),
            new("period", ReportParameterType.DateRange),
            new("minimum", ReportParameterType.Number),
        ];
        const string sql = """
            SELECT region, SUM(amount) AS total, COUNT(*) AS sales
            FROM sales
            WHERE 1 = 1
              [[AND region IN ({{regions}})]]
              [[AND sold_on >= {{period.from}} AND sold_on < {{period.to}}]]
              [[AND amount >= {{minimum}}]]
            GROUP BY region
            ORDER BY region
            """;

        var all = await session.RunAsync(sql, parameters);
        var filtered = await session.RunAsync(sql, parameters, new() { ["regions"] = "east,west", ["period"] = "2026-01-01..2026-02-14", ["minimum"] = "90" });

        Assert.True(all.IsSuccess, all.Error?.ToString());
        Assert.Equal(["region", "total", "sales"], all.Value.Columns.Select(c => c.Name));
        Assert.Equal([QueryColumnKind.Text, QueryColumnKind.Number, QueryColumnKind.Number], all.Value.Columns.Select(c => c.Kind));
        Assert.Equal(["east", "north", "south", "west"], all.Value.Rows.Select(r => r[0]));
        Assert.True(filtered.IsSuccess, filtered.Error?.ToString());
        // east: 100 + 150 in January; west: 200 on 14 February (the range's last day counts), 80 is under the minimum.
        Assert.Equal([("east", 250m), ("west", 200m)], filtered.Value.Rows.Select(r => ((string)r[0]!, Convert.ToDecimal(r[1], CultureInfo.InvariantCulture))));
        Assert.False(filtered.Value.Truncated);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ParameterValuesCarryingQuotesAndComments_AreData(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        ReportParameter[] parameters = [new("region", ReportParameterType.Text)];

        var result = await session.RunAsync("SELECT COUNT(*) AS n FROM sales WHERE region = {{region}}", parameters,
            new() { ["region"] = "east' OR '1'='1'; DELETE FROM sales; -- " });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(0L, Convert.ToInt64(result.Value.Rows.Single()[0], CultureInfo.InvariantCulture));
        Assert.Equal(12, await session.Target.ScalarAsync("SELECT COUNT(*) FROM sales"));
    }

    public static TheoryData<DataSourceType, string> Attacks
    {
        get
        {
            var data = new TheoryData<DataSourceType, string>();
            foreach (var type in new[] { DataSourceType.Sqlite, DataSourceType.MySql, DataSourceType.PostgreSql, DataSourceType.ClickHouse })
            {
                foreach (var sql in new[]
                {
                    "DELETE FROM sales",
                    "UPDATE sales SET amount = 0",
                    "INSERT INTO sales (id, department_id, owner_id, region, amount, sold_on) VALUES (99, 1, 1, 'x', 1, '2026-01-01')",
                    "DROP TABLE sales",
                    "CREATE TABLE evil (id INT)",
                    "SELECT 1; DELETE FROM sales",
                    "SELECT 1 -- comment\n; DROP TABLE sales",
                    "SELECT 1 /* ; */ ; UPDATE sales SET amount = 0",
                    "WITH gone AS (DELETE FROM sales RETURNING id) SELECT * FROM gone",
                    "SELECT * FROM sales INTO OUTFILE '/tmp/ops-sales.csv'",
                    "SELECT LOAD_FILE('/etc/passwd')",
                    "COPY sales TO PROGRAM 'touch /tmp/ops-pwned'",
                    "SELECT pg_read_file('/etc/passwd')",
                    "ATTACH DATABASE '/tmp/ops-attach.db' AS evil",
                    "SELECT * INTO sales_copy FROM sales",
                    "SELECT set_config('default_transaction_read_only', 'off', false)",
                    "SELECT * FROM sales FOR UPDATE",
                })
                {
                    data.Add(type, sql);
                }
            }

            data.Add(DataSourceType.MySql, "SELECT 1 /*!50000 ; DELETE FROM sales */");
            data.Add(DataSourceType.MySql, "SELECT 'a\\' ; DELETE FROM sales; -- '");
            data.Add(DataSourceType.PostgreSql, "SELECT $$ ; $$; DELETE FROM sales");
            foreach (var sql in new[]
            {
                "SELECT * FROM file('/etc/passwd', 'TSV', 'line String')",
                "SELECT * FROM url('http://127.0.0.1:1/', 'TSV', 'line String')",
                "SELECT * FROM remote('127.0.0.1', system.one)",
                "SELECT 1 SETTINGS readonly = 0",
                "INSERT INTO FUNCTION file('ops-pwned', 'TSV', 'a String') VALUES ('x')",
                "ALTER TABLE sales DELETE WHERE 1 = 1",
                "TRUNCATE TABLE sales",
                "SYSTEM SHUTDOWN",
                "SELECT 1 FORMAT JSON",
                "SELECT 'a\\' ; DELETE FROM sales; -- '",
            })
            {
                data.Add(DataSourceType.ClickHouse, sql);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task WritesHiddenStatementsFilesAndPrograms_AreRefusedOrHarmless_AndTheDatabaseIsUnchanged(DataSourceType type, string sql)
    {
        await using var session = await ReportQuerySession.StartAsync(type);

        var result = await session.RunAsync(sql);

        // Refused by the check, or a read that returned nothing harmful (MySQL reads "a\' ; …" as one string).
        if (result.IsSuccess)
        {
            Assert.All(result.Value.Rows.SelectMany(r => r), v => Assert.DoesNotContain("root:", v?.ToString() ?? "", StringComparison.Ordinal));
        }
        else
        {
            Assert.StartsWith("report.query.", result.Error!.Code, StringComparison.Ordinal);
            Assert.Equal("report.query", result.Error.Field);
        }

        Assert.Equal(12, await session.Target.ScalarAsync("SELECT COUNT(*) FROM sales"));
        Assert.Equal(1280, await session.Target.ScalarAsync("SELECT CAST(SUM(amount) AS INTEGER)".Replace("INTEGER", type == DataSourceType.MySql ? "SIGNED" : "INTEGER", StringComparison.Ordinal) + " FROM sales"));
        Assert.False(File.Exists("/tmp/ops-pwned"));
        Assert.False(File.Exists("/tmp/ops-sales.csv"));
        Assert.False(File.Exists("/tmp/ops-attach.db"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task ASleepPastTheTimeout_IsStoppedByTheEngine_WithALocalizedMessage(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type, timeoutSeconds: 1);
        var sql = type switch
        {
            DataSourceType.MySql => "SELECT SLEEP(20) AS slept",
            DataSourceType.PostgreSql => "SELECT pg_sleep(20) AS slept",
            // ClickHouse's sleep stops at 3 s: counting an endless table runs until the limit stops it.
            DataSourceType.ClickHouse => "SELECT count() FROM system.numbers",
            // SQLite has no sleep: a recursive count that takes far longer than a second.
            _ => "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000) SELECT COUNT(*) FROM n",
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = await session.RunAsync(sql);

        // MariaDB's SLEEP returns 1 when interrupted instead of failing: either way it stops at the limit.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        if (result.IsFailure)
        {
            Assert.Equal("report.query.timeout", result.Error!.Code);
            Assert.Equal([1], result.Error.Args);
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task RowsPastTheCap_AreNotRead_AndTheResultSaysSo(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        await session.SetLimitsAsync(maxRows: 5);

        var result = await session.RunAsync("SELECT id FROM sales ORDER BY id");

        Assert.Equal([1L, 2L, 3L, 4L, 5L], result.Value.Rows.Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));
        Assert.True(result.Value.Truncated);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task BrokenSqlAndBadValues_GetAClearErrorOnTheirField(DataSourceType type)
    {
        await using var session = await ReportQuerySession.StartAsync(type);
        ReportParameter[] parameters = [new("n", ReportParameterType.Number), new("day", ReportParameterType.Date), new("pick", ReportParameterType.Choice, Options: ["a", "b"])];

        var broken = await session.RunAsync("SELECT no_such_column FROM sales");
        var number = await session.RunAsync("SELECT {{n}}", parameters, new() { ["n"] = "12abc" });
        var date = await session.RunAsync("SELECT {{day}}", parameters, new() { ["day"] = "2026-02-30" });
        var choice = await session.RunAsync("SELECT {{pick}}", parameters, new() { ["pick"] = "c" });
        var undeclared = await session.RunAsync("SELECT {{nobody}}", parameters);

        Assert.Equal(("report.query.failed", "report.query"), (broken.Error!.Code, broken.Error.Field));
        Assert.Contains("no_such_column", (string)broken.Error.Args[0], StringComparison.Ordinal);
        Assert.Equal(("report.parameter.not_a_number", "param.n"), (number.Error!.Code, number.Error.Field));
        Assert.Equal(("report.parameter.not_a_date", "param.day"), (date.Error!.Code, date.Error.Field));
        Assert.Equal(("report.parameter.unknown_choice", "param.pick"), (choice.Error!.Code, choice.Error.Field));
        Assert.Equal(("report.parameter.undeclared", "report.query"), (undeclared.Error!.Code, undeclared.Error.Field));
    }

    [Fact]
    public async Task AnUnreachableSource_IsMarkedInError_AndActiveAgainOnceReached()
    {
        await using var session = await ReportQuerySession.StartAsync(DataSourceType.Sqlite);
        string path;
        await using (var db = await session.Harness.CreateDbContextAsync())
        {
            var source = await db.DataSources.SingleAsync();
            path = source.Database;
            File.Move(path, path + ".away");
        }

        var failed = await session.RunAsync("SELECT 1");
        async Task<DataSourceStatus> Status()
        {
            await using var db = await session.Harness.CreateDbContextAsync();
            return (await db.DataSources.AsNoTracking().SingleAsync()).Status;
        }

        var inError = await Status();
        File.Move(path + ".away", path);
        var ok = await session.RunAsync("SELECT 1");

        Assert.Equal(("report.datasource.unreachable", "report.datasource"), (failed.Error!.Code, failed.Error.Field));
        Assert.Equal(DataSourceStatus.Error, inError);
        Assert.True(ok.IsSuccess);
        Assert.Equal(DataSourceStatus.Active, await Status());
    }
}
