using Ops.Domain.Reports.Queries;

namespace Ops.Domain.Tests.Reports;

/// <summary>The statement check of report queries reads SQL as each engine does: quotes, comments, statement breaks.</summary>
public sealed class SqlReadGuardTests
{
    public static TheoryData<SqlDialect, string> Reads => new()
    {
        { SqlDialect.MySql, "SELECT region, SUM(amount) FROM orders GROUP BY region" },
        { SqlDialect.MySql, "select * from t where note = 'DELETE FROM t; DROP TABLE t' ;" },
        { SqlDialect.MySql, "SELECT `update`, `delete` FROM `insert`" },
        { SqlDialect.MySql, "SELECT REPLACE(name, 'a', 'b'), INSERT(name, 1, 2, 'x') FROM t" },
        { SqlDialect.MySql, "SELECT 1--1" },
        { SqlDialect.MySql, "SELECT 'it\\'s; DELETE' AS x" },
        // On MySQL the same text is one string: \' does not close it.
        { SqlDialect.MySql, "SELECT 'a\\'; DELETE FROM t; -- '" },
        { SqlDialect.MySql, "SELECT CAST(name AS CHAR CHARACTER SET utf8mb4) FROM t" },
        { SqlDialect.MySql, "SELECT t.update FROM t -- ; DELETE FROM t\n" },
        { SqlDialect.MySql, "(SELECT 1) UNION (SELECT 2)" },
        { SqlDialect.PostgreSql, "WITH x AS (SELECT 1 AS a) SELECT a FROM x" },
        { SqlDialect.PostgreSql, "SELECT $$DELETE FROM t; $$ AS body, $tag$ ; $tag$" },
        { SqlDialect.PostgreSql, "SELECT 1 /* outer /* inner; DELETE */ still comment; */" },
        { SqlDialect.PostgreSql, "SELECT E'it\\'s; DROP' " },
        { SqlDialect.PostgreSql, "SELECT created_at::date, $1 FROM t" },
        { SqlDialect.Sqlite, "SELECT [order], \"drop\" FROM [delete]" },
        { SqlDialect.ClickHouse, "SELECT count() FROM hits # ; DROP TABLE hits" },
        { SqlDialect.MySql, "SELECT * FROM t WHERE 1 = 1 [[AND region = {{region}}]]" },
    };

    public static TheoryData<SqlDialect, string, string> Refusals => new()
    {
        { SqlDialect.MySql, "DELETE FROM t", "report.query.not_a_read" },
        { SqlDialect.MySql, "UPDATE t SET a = 1", "report.query.not_a_read" },
        { SqlDialect.MySql, "SELECT 1; DELETE FROM t", "report.query.several_statements" },
        { SqlDialect.MySql, "SELECT 1; SELECT 2", "report.query.several_statements" },
        { SqlDialect.MySql, "SELECT 1 /*! ; DELETE FROM t */", "report.query.unreadable_executablecomment" },
        { SqlDialect.MySql, "SELECT 1 /*M!100000 , SLEEP(1) */", "report.query.unreadable_executablecomment" },
        { SqlDialect.MySql, "SELECT * FROM t INTO OUTFILE '/tmp/x'", "report.query.refused_word" },
        { SqlDialect.MySql, "SELECT LOAD_FILE('/etc/passwd')", "report.query.refused_word" },
        { SqlDialect.MySql, "SELECT load_file ('/etc/passwd')", "report.query.refused_word" },
        { SqlDialect.MySql, "SELECT * FROM t FOR UPDATE", "report.query.refused_word" },
        { SqlDialect.MySql, "SELECT * FROM t LOCK IN SHARE MODE", "report.query.refused_word" },
        // PostgreSQL's standard strings have no backslash escape: the quote closes, a second statement follows.
        { SqlDialect.PostgreSql, "SELECT 'a\\'; DELETE FROM t; -- '", "report.query.several_statements" },
        { SqlDialect.MySql, "SELECT 1-- \n; DELETE FROM t", "report.query.several_statements" },
        { SqlDialect.MySql, "SELECT 1#\n; DROP TABLE t", "report.query.several_statements" },
        { SqlDialect.PostgreSql, "WITH gone AS (DELETE FROM t RETURNING *) SELECT * FROM gone", "report.query.refused_word" },
        { SqlDialect.PostgreSql, "SELECT pg_read_file('/etc/passwd')", "report.query.refused_word" },
        { SqlDialect.PostgreSql, "SELECT set_config('default_transaction_read_only', 'off', false)", "report.query.refused_word" },
        { SqlDialect.PostgreSql, "COPY t TO PROGRAM 'id'", "report.query.not_a_read" },
        { SqlDialect.PostgreSql, "SELECT * INTO copy_of_t FROM t", "report.query.refused_word" },
        { SqlDialect.PostgreSql, "SELECT 1 /* nested /* */ ; DELETE FROM t", "report.query.unreadable_unclosedcomment" },
        { SqlDialect.PostgreSql, "SELECT $x$ never closed", "report.query.unreadable_unclosedtext" },
        { SqlDialect.Sqlite, "ATTACH DATABASE '/tmp/x.db' AS x", "report.query.not_a_read" },
        { SqlDialect.Sqlite, "SELECT load_extension('/tmp/evil')", "report.query.refused_word" },
        { SqlDialect.Sqlite, "PRAGMA writable_schema = 1", "report.query.not_a_read" },
        { SqlDialect.ClickHouse, "SELECT * FROM file('/etc/passwd', 'CSV', 'line String')", "report.query.refused_word" },
        { SqlDialect.ClickHouse, "SELECT * FROM url('http://169.254.169.254/', 'CSV', 'a String')", "report.query.refused_word" },
        { SqlDialect.ClickHouse, "SELECT 1 SETTINGS readonly = 0", "report.query.refused_word" },
        { SqlDialect.MySql, "", "report.query.empty" },
        { SqlDialect.MySql, " ; ", "report.query.empty" },
        { SqlDialect.MySql, "SELECT {{bad name}}", "report.query.unreadable_badparameter" },
        { SqlDialect.MySql, "SELECT 1 [[AND x = {{x}}", "report.query.unbalanced_optional" },
        { SqlDialect.MySql, "SELECT 1 ]] [[", "report.query.unbalanced_optional" },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public void PlainReads_Pass(SqlDialect dialect, string sql) =>
        Assert.True(SqlReadGuard.Check(sql, dialect).IsSuccess, SqlReadGuard.Check(sql, dialect).Error?.ToString());

    [Theory]
    [MemberData(nameof(Refusals))]
    public void WritesHiddenStatementsAndDangerousFunctions_AreRefused_OnTheQueryField(SqlDialect dialect, string sql, string code)
    {
        var result = SqlReadGuard.Check(sql, dialect);

        Assert.True(result.IsFailure);
        Assert.Equal(code, result.Error!.Code);
        Assert.Equal("report.query", result.Error.Field);
    }

    [Fact]
    public void ARefusedWord_IsNamedAsWritten()
    {
        var result = SqlReadGuard.Check("select * from t where id in (select id from u) for update", SqlDialect.PostgreSql);

        Assert.Equal(["for"], result.Error!.Args);
    }

    [Fact]
    public void TooLongAQuery_IsRefused()
    {
        var sql = "SELECT " + new string('1', SqlReadGuard.MaxLength);

        Assert.Equal("report.query.too_long", SqlReadGuard.Check(sql, SqlDialect.MySql).Error!.Code);
    }

    [Fact]
    public void AParameterInsideAString_IsText_NotAParameter()
    {
        var result = SqlReadGuard.Check("SELECT '{{region}}', {{year}} FROM t", SqlDialect.MySql);

        Assert.Equal(["year"], SqlReadGuard.ParameterNames(result.Value));
    }
}
