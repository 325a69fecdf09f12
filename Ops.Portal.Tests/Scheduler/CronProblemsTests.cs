using Microsoft.Extensions.Localization;
using Ops.Infrastructure.Scheduler;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>A bad cron is explained by the field that is wrong, in the viewer's language, never in Quartz's English.</summary>
public sealed class CronProblemsTests : PortalTestContext
{
    [Theory]
    [InlineData("0 61 * * * ?", "scheduler.job.cron_invalid.minute", "2", "61")]
    [InlineData("0 0 25 * * ?", "scheduler.job.cron_invalid.hour", "3", "25")]
    [InlineData("0 0 0 32 * ?", "scheduler.job.cron_invalid.day_of_month", "4", "32")]
    [InlineData("0 0 0 ? FOO MON", "scheduler.job.cron_invalid.month", "5", "FOO")]
    [InlineData("0 0 0 ? * XYZ", "scheduler.job.cron_invalid.day_of_week", "6", "XYZ")]
    [InlineData("x 0 0 * * ?", "scheduler.job.cron_invalid.second", "1", "x")]
    [InlineData("every day", "scheduler.job.cron_invalid.fields", "2", null)]
    public void Check_NamesTheFieldThatIsWrong(string cron, string code, string? first, string? second)
    {
        var error = CronRules.Check(cron);

        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(new[] { first, second }.OfType<string>(), error.Args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Check_ACronThatNeverFiresAgain_IsRefused()
    {
        Assert.Equal("scheduler.job.cron_invalid.never", CronRules.Check("0 0 0 1 1 ? 2000", DateTimeOffset.UtcNow)?.Code);
        Assert.Null(CronRules.Check("0 0/5 * * * ?", DateTimeOffset.UtcNow));
    }

    [Fact]
    public void Preview_InChinese_SaysWhatIsWrongInChinese()
    {
        UseCulture(Cultures.Chinese);
        var t = Services.GetRequiredService<IStringLocalizer<UiText>>();

        var preview = CronRules.Preview("0 61 * * * ?", "UTC", DateTimeOffset.UtcNow, 10, System.Globalization.CultureInfo.CurrentUICulture);
        var text = t[preview.Error!, [.. preview.ErrorArgs]].Value;

        Assert.False(preview.Valid);
        Assert.Equal("第 2 个字段（分）无效：61。可用 0–59，或 * , - /。", text);
    }
}
