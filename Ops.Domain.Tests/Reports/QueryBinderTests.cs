using Ops.Domain.Reports.Queries;

namespace Ops.Domain.Tests.Reports;

/// <summary>Parameters become driver placeholders, never text; optional clauses go when their parameters are empty.</summary>
public sealed class QueryBinderTests
{
    private static BoundQuery Bind(string sql, Dictionary<string, object?> values, SqlDialect dialect = SqlDialect.MySql)
    {
        var tokens = SqlReadGuard.Check(sql, dialect);
        Assert.True(tokens.IsSuccess, tokens.Error?.ToString());
        return QueryBinder.Bind(sql, tokens.Value, values, name => "@" + name);
    }

    [Fact]
    public void AValueCarryingQuotesAndComments_IsBound_NotSpliced()
    {
        const string evil = "x'; DROP TABLE t; -- ";

        var bound = Bind("SELECT * FROM t WHERE region = {{region}}", new() { ["region"] = evil });

        Assert.Equal("SELECT * FROM t WHERE region = @p_region", bound.Sql);
        Assert.Equal(evil, Assert.Single(bound.Parameters).Value);
    }

    [Fact]
    public void AMultipleChoice_BecomesOnePlaceholderPerValue_AndAnEmptyChoiceMatchesNothing()
    {
        var bound = Bind("SELECT * FROM t WHERE region IN ({{regions}})", new() { ["regions"] = new[] { "east", "west" } });
        var empty = Bind("SELECT * FROM t WHERE region IN ({{regions}})", new() { ["regions"] = Array.Empty<string>() });

        Assert.Equal("SELECT * FROM t WHERE region IN (@p_regions_0, @p_regions_1)", bound.Sql);
        Assert.Equal(["east", "west"], bound.Parameters.Select(p => p.Value));
        Assert.Equal("SELECT * FROM t WHERE region IN (@p_regions_0)", empty.Sql);
        Assert.Null(Assert.Single(empty.Parameters).Value);
    }

    [Fact]
    public void AnOptionalClause_StaysWithAValue_AndGoesWithout()
    {
        const string sql = "SELECT * FROM t WHERE 1 = 1 [[AND region = {{region}}]] [[AND day >= {{period.from}} AND day < {{period.to}}]] ORDER BY day";

        var with = Bind(sql, new() { ["region"] = "east", ["period.from"] = new DateTime(2026, 1, 1), ["period.to"] = new DateTime(2026, 2, 1) });
        var without = Bind(sql, new() { ["region"] = "" });

        Assert.Equal("SELECT * FROM t WHERE 1 = 1 AND region = @p_region AND day >= @p_period_from AND day < @p_period_to ORDER BY day", with.Sql);
        Assert.Equal("SELECT * FROM t WHERE 1 = 1   ORDER BY day", without.Sql);
        Assert.Empty(without.Parameters);
    }

    [Fact]
    public void AParameterUsedTwice_IsBoundOnce_AndTheClosingSemicolonAndCommentAreLeftOut()
    {
        var bound = Bind("SELECT {{n}} + {{n}} -- sum\n;", new() { ["n"] = 2 });

        Assert.Equal("SELECT @p_n + @p_n", bound.Sql);
        Assert.Single(bound.Parameters);
    }
}
