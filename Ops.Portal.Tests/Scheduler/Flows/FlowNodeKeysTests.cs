using System.Text.RegularExpressions;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;

namespace Ops.Portal.Tests.Scheduler.Flows;

public sealed partial class FlowNodeKeysTests
{
    [Theory]
    [InlineData("Nightly ETL (orders)", "nightly-etl-orders")]
    [InlineData("  load_users -> report  ", "load_users-report")]
    [InlineData("健康检查 health check", "health-check")]
    [InlineData("Backup: DB #2", "backup-db-2")]
    public void Create_FromTheJobName_KeepsAsciiLettersDigitsAndUnderscores_JoinedByDashes(string name, string key)
    {
        Assert.Equal(key, FlowNodeKeys.Create(name, 7, []));
        Assert.Matches(BackendKeyPattern(), key);
    }

    [Fact]
    public void Create_NameWithoutAsciiLetters_FallsBackToTheJobId()
    {
        Assert.Equal("job-42", FlowNodeKeys.Create("数据同步", 42, []));
        Assert.Equal("job-42-2", FlowNodeKeys.Create("数据同步", 42, ["job-42"]));
    }

    [Fact]
    public void Create_OnAClash_AddsTheFirstFreeSuffix()
    {
        Assert.Equal("etl", FlowNodeKeys.Create("ETL", 1, ["report"]));
        Assert.Equal("etl-2", FlowNodeKeys.Create("ETL", 1, ["etl"]));
        Assert.Equal("etl-4", FlowNodeKeys.Create("ETL", 1, ["etl", "etl-2", "etl-3"]));
    }

    [Fact]
    public void Create_LongName_StaysWithinTheKeyLimit_SuffixIncluded()
    {
        var name = new string('a', 100);

        var first = FlowNodeKeys.Create(name, 1, []);
        var second = FlowNodeKeys.Create(name, 1, [first]);

        Assert.Equal(new string('a', 64), first);
        Assert.Equal(new string('a', 62) + "-2", second);
        Assert.Matches(BackendKeyPattern(), second);
    }

    [Fact]
    public void Create_CutNextToADash_DoesNotLeaveTwoDashesBeforeTheSuffix()
    {
        var name = new string('a', 62) + " b";

        var key = FlowNodeKeys.Create(name, 1, [FlowNodeKeys.Stem(name)]);

        Assert.Equal(new string('a', 62) + "-2", key);
    }

    // The validator's rule (FlowRules.KeyPattern).
    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex BackendKeyPattern();
}
