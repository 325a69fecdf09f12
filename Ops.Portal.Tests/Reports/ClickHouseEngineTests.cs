using System.Globalization;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.Queries.ClickHouse;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// ClickHouse 18.16 has no server-side parameters: values are inlined as literals in one place
/// (<see cref="ClickHouseLiterals"/>). These check that place on its own and against the real server (values come back
/// exactly as given), and what the HTTP engine adds: the connection test, text escapes and NULLs, a read-only account.
/// </summary>
public sealed class ClickHouseEngineTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("O'Brien", "'O\\'Brien'")]
    [InlineData("back\\slash", "'back\\\\slash'")]
    [InlineData("\\'; DROP TABLE sales; --", "'\\\\\\'; DROP TABLE sales; --'")]
    [InlineData("line\nbreak\ttab\0nul", "'line\\nbreak\\ttab\\0nul'")]
    [InlineData("华东", "'华东'")]
    public void Strings_AreQuotedWithEveryQuoteBackslashAndControlEscaped(string value, string literal) =>
        Assert.Equal(literal, ClickHouseLiterals.Format(value));

    [Fact]
    public void NumbersDatesAndNull_AreWrittenInvariantly()
    {
        Assert.Equal("NULL", ClickHouseLiterals.Format(null));
        Assert.Equal("-12", ClickHouseLiterals.Format(-12L));
        Assert.Equal("12.50", ClickHouseLiterals.Format(12.50m));
        Assert.Equal("'2026-02-14'", ClickHouseLiterals.Format(new DateTime(2026, 2, 14)));
        Assert.Equal("'2026-02-14 08:30:00'", ClickHouseLiterals.Format(new DateTime(2026, 2, 14, 8, 30, 0)));
    }

    [Fact]
    public void OnlyPlaceholderTokens_AreReplaced_NotTheSameWordsInStringsOrComments()
    {
        var placeholder = ClickHouseLiterals.Placeholder("p_region");
        var query = new BoundQuery($"SELECT '{placeholder}' AS s /* {placeholder} */ FROM sales WHERE region = {placeholder} -- {placeholder}", [new("p_region", "x'y")]);

        var sql = ClickHouseLiterals.Inline(query);

        Assert.Equal($"SELECT '{placeholder}' AS s /* {placeholder} */ FROM sales WHERE region = 'x\\'y' -- {placeholder}", sql);
    }

    public static TheoryData<string> NastyValues => ["O'Brien", "a\\'b", "\\", "x'; DROP TABLE sales; --", "tab\there\nand line", "华东 \"引号\" `反引号`", "{{region}}", "ops_param_p_v"];

    [Theory]
    [MemberData(nameof(NastyValues))]
    public async Task TextValues_ComeBackExactlyAsGiven_FromTheRealServer(string value)
    {
        await using var session = await ReportQuerySession.StartAsync(DataSourceType.ClickHouse);

        var result = await session.RunAsync("SELECT {{v}} AS v, length({{v}}) AS n", [new("v", ReportParameterType.Text)], new() { ["v"] = value });

        Assert.True(result.IsSuccess, result.Error?.ToString());
        Assert.Equal(value, result.Value.Rows.Single()[0]);
        Assert.Equal((long)System.Text.Encoding.UTF8.GetByteCount(value), Convert.ToInt64(result.Value.Rows.Single()[1], CultureInfo.InvariantCulture));
        Assert.Equal(12, await session.Target.ScalarAsync("SELECT count() FROM sales"));
    }

    [Fact]
    public async Task NullsEscapesAndTypes_AreReadFromTheTextStream()
    {
        await using var session = await ReportQuerySession.StartAsync(DataSourceType.ClickHouse);

        var result = await session.RunAsync("SELECT CAST(NULL AS Nullable(Int32)) AS none, 'a\\tb\\nc\\\\N' AS text, toUInt64(18446744073709551615) AS big, 1.5 AS f, toDate('2026-03-01') AS d, toDateTime('2026-03-01 08:09:10') AS t");

        Assert.True(result.IsSuccess, result.Error?.ToString());
        var row = result.Value.Rows.Single();
        Assert.Null(row[0]);
        Assert.Equal("a\tb\nc\\N", row[1]);
        Assert.Equal(18446744073709551615m, row[2]);
        Assert.Equal(1.5, row[3]);
        Assert.Equal(new DateTime(2026, 3, 1), row[4]);
        Assert.Equal(new DateTime(2026, 3, 1, 8, 9, 10), row[5]);
        Assert.Equal([QueryColumnKind.Number, QueryColumnKind.Text, QueryColumnKind.Number, QueryColumnKind.Number, QueryColumnKind.DateTime, QueryColumnKind.DateTime],
            result.Value.Columns.Select(c => c.Kind));
    }

    [Fact]
    public async Task TheConnectionTest_GivesTheServerVersion_AndAWrongPasswordFailsWithTheServersWords()
    {
        await using var session = await ReportQuerySession.StartAsync(DataSourceType.ClickHouse);
        var wrong = session.Target.Input with { Name = "wrong password", Password = "not the password" };

        var (ok, failed) = await session.Harness.InScopeAsync(async sp =>
        {
            var sources = sp.GetRequiredService<IDataSourceService>();
            var id = (await sources.CreateAsync(wrong)).Value;
            var good = (await sources.ListAsync(new DataSourceFilter(), new Ops.Domain.Common.PageRequest())).Items.Single(d => d.Name == session.Target.Input.Name).Id;
            return ((await sources.TestAsync(good)).Value, (await sources.TestAsync(id)).Value);
        });

        Assert.True(ok.Ok, ok.Message);
        Assert.StartsWith("ClickHouse 18.", ok.Message, StringComparison.Ordinal);
        Assert.False(failed.Ok);
        Assert.Contains("password", failed.Message, StringComparison.OrdinalIgnoreCase);
    }
}
