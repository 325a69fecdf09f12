using System.Globalization;
using Ops.Domain.Scheduler;

namespace Ops.Domain.Tests.Scheduler;

public sealed class CronDescriberTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    [Theory]
    [InlineData("0/2 * * * * ?", "Every 2 seconds", "每 2 秒")]
    [InlineData("0 0/5 * * * ?", "Every 5 minutes", "每 5 分钟")]
    [InlineData("0 0 2 * * ?", "At 02:00 every day", "每天 02:00")]
    [InlineData("0 30 9 ? * MON-FRI", "At 09:30, Monday through Friday", "每周一至周五 09:30")]
    [InlineData("0 0 12 1 * ?", "At 12:00 on day 1 of the month", "每月 1 日 12:00")]
    [InlineData("0 0 8 L * ?", "At 08:00 on the last day of the month", "每月最后一天 08:00")]
    [InlineData("0 15 10 ? * 6#3", "At 10:15 on the third Friday of the month", "每月第三个周五 10:15")]
    [InlineData("0 0 9-17 * * ?", "Every hour from 09:00 to 17:00", "每天 9 点至 17 点每小时整点")]
    [InlineData("0 0 0 1 1 ? 2027", "At 00:00 on January 1, 2027", "2027 年 1 月 1 日 00:00")]
    [InlineData("0 0 6,18 * * ?", "At 06:00 and 18:00 every day", "每天 06:00 和 18:00")]
    public void CommonSchedules_ReadNaturally(string expression, string english, string chinese) => AssertBoth(expression, english, chinese);

    [Theory]
    [InlineData("* * * * * ?", "Every second", "每秒")]
    [InlineData("*/10 * * * * ?", "Every 10 seconds", "每 10 秒")]
    [InlineData("15/20 * * * * ?", "Every 20 seconds starting at second 15", "从第 15 秒起每 20 秒")]
    [InlineData("0,30 * * * * ?", "At seconds 0 and 30 of every minute", "每分钟的第 0 和 30 秒")]
    [InlineData("*/10 5 14 * * ?", "Every 10 seconds during minute 5 between 14:00 and 14:59", "每天 14:00 至 14:59 的第 5 分钟内每 10 秒")]
    [InlineData("0 * * * * ?", "Every minute", "每分钟")]
    [InlineData("0 0/7 * * * ?", "Every 7 minutes from minute 0 through 56", "第 0 至 56 分钟内每 7 分钟")]
    [InlineData("0 0/5 14 * * ?", "Every 5 minutes between 14:00 and 14:59", "每天 14:00 至 14:59 每 5 分钟")]
    [InlineData("0 */15 9,12,18 * * ?", "Every 15 minutes during hours 9, 12 and 18", "每天 9、12 和 18 点每 15 分钟")]
    [InlineData("0 0 * * * ?", "Every hour", "每小时整点")]
    [InlineData("0 15 * * * ?", "Every hour at minute 15", "每小时的第 15 分钟")]
    [InlineData("0 0,30 * * * ?", "At minutes 0 and 30 of every hour", "每小时的第 0 和 30 分钟")]
    [InlineData("0 0,30 9,17 * * ?", "At 09:00, 09:30, 17:00 and 17:30 every day", "每天 09:00、09:30、17:00 和 17:30")]
    [InlineData("30 0 12 * * ?", "At 12:00:30 every day", "每天 12:00:30")]
    public void SecondsMinutesAndHours(string expression, string english, string chinese) => AssertBoth(expression, english, chinese);

    [Theory]
    [InlineData("0 0 */2 * * ?", "Every 2 hours", "每 2 小时整点")]
    [InlineData("0 0 0/2 * * ?", "Every 2 hours", "每 2 小时整点")]
    [InlineData("0 30 */6 * * ?", "Every 6 hours at minute 30", "每 6 小时的第 30 分钟")]
    [InlineData("0 0 1/3 * * ?", "Every 3 hours from 01:00 to 22:00", "每天 1 点至 22 点每 3 小时整点")]
    [InlineData("0 0 8-18/2 * * ?", "Every 2 hours from 08:00 to 18:00", "每天 8 点至 18 点每 2 小时整点")]
    [InlineData("0 0 9-17/4 * * ?", "Every 4 hours from 09:00 to 17:00", "每天 9 点至 17 点每 4 小时整点")]
    [InlineData("0 0-30/10 * * * ?", "Every 10 minutes from minute 0 through 30", "第 0 至 30 分钟内每 10 分钟")]
    [InlineData("0 10-40/15 9-17 ? * MON-FRI", "Every 15 minutes from minute 10 through 40 between 09:00 and 17:59, Monday through Friday", "每周一至周五 09:00 至 17:59 的第 10 至 40 分钟内每 15 分钟")]
    public void StepsAndRangesWithSteps(string expression, string english, string chinese) => AssertBoth(expression, english, chinese);

    [Theory]
    [InlineData("0 0 9 ? * MON,WED,FRI", "At 09:00 on Mondays, Wednesdays and Fridays", "每周一、周三和周五 09:00")]
    [InlineData("0 0 9 ? * 2,4,6", "At 09:00 on Mondays, Wednesdays and Fridays", "每周一、周三和周五 09:00")]
    [InlineData("0 0 9 ? * 2-6", "At 09:00, Monday through Friday", "每周一至周五 09:00")]
    [InlineData("0 0 9 ? * 1", "At 09:00 on Sundays", "每周日 09:00")]
    [InlineData("0 0 12 ? * L", "At 12:00 on Saturdays", "每周六 12:00")]
    [InlineData("0 30 9 ? * mon-fri", "At 09:30, Monday through Friday", "每周一至周五 09:30")]
    [InlineData("0 0 12 ? * SUN#1", "At 12:00 on the first Sunday of the month", "每月第一个周日 12:00")]
    [InlineData("0 0 22 ? * 6L", "At 22:00 on the last Friday of the month", "每月最后一个周五 22:00")]
    [InlineData("0 0/5 * ? * MON-FRI", "Every 5 minutes, Monday through Friday", "每周一至周五，每 5 分钟")]
    public void Weekdays_ByNameAndNumber(string expression, string english, string chinese) => AssertBoth(expression, english, chinese);

    [Theory]
    [InlineData("0 0 6 1,15 * ?", "At 06:00 on days 1 and 15 of the month", "每月 1 和 15 日 06:00")]
    [InlineData("0 0 6 1-7 * ?", "At 06:00 on days 1 through 7 of the month", "每月 1 至 7 日 06:00")]
    [InlineData("0 0 6 1/5 * ?", "At 06:00 every 5 days starting on day 1 of the month", "每月从 1 日起每 5 天 06:00")]
    [InlineData("0 0 18 LW * ?", "At 18:00 on the last weekday of the month", "每月最后一个工作日 18:00")]
    [InlineData("0 0 9 15W * ?", "At 09:00 on the weekday nearest day 15 of the month", "每月最接近 15 日的工作日 09:00")]
    [InlineData("0 0 9 L-3 * ?", "At 09:00, 3 days before the last day of the month", "每月倒数第 4 天 09:00")]
    [InlineData("0 0 2 ? * *", "At 02:00 every day", "每天 02:00")]
    [InlineData("0 0 2 * * ?", "At 02:00 every day", "每天 02:00")]
    public void DaysOfTheMonth_IncludingLastAndNearestWeekday(string expression, string english, string chinese) => AssertBoth(expression, english, chinese);

    [Theory]
    [InlineData("0 0 12 1 JAN,JUL ?", "At 12:00 on day 1 of the month in January and July", "每年 1 和 7 月的 1 日 12:00")]
    [InlineData("0 0 9 ? JAN-MAR MON", "At 09:00 on Mondays, January through March", "每年 1 至 3 月每周一 09:00")]
    [InlineData("0 0 0 1 */3 ?", "At 00:00 on day 1 of the month in January, April, July and October", "每年 1、4、7 和 10 月的 1 日 00:00")]
    [InlineData("0 0 2 * * ? 2027-2030", "At 02:00 every day from 2027 through 2030", "2027 至 2030 年每天 02:00")]
    [InlineData("0 0 0 1 1 ? 2027-2030", "At 00:00 on January 1 from 2027 through 2030", "2027 至 2030 年每年 1 月 1 日 00:00")]
    [InlineData("0 0 2 * * ? 2027,2029", "At 02:00 every day in 2027 and 2029", "2027 和 2029 年每天 02:00")]
    public void MonthsAndYears(string expression, string english, string chinese) => AssertBoth(expression, english, chinese);

    [Theory]
    [InlineData("")]
    [InlineData("not a cron")]
    [InlineData("* * * *")]
    [InlineData("0 0 12 * * ? 2027 extra")]
    [InlineData("0 0 25 * * ?")]
    [InlineData("0 0/0 * * * ?")]
    [InlineData("? * * * * ?")]
    [InlineData("0 0 12 1 * MON")]
    [InlineData("0 0 12 ? * 8")]
    [InlineData("0 0 12 ? * 6#6")]
    [InlineData("0 0 12 L-40 * ?")]
    [InlineData("0 0 12 1,L * ?")]
    [InlineData("0 0 12 ? FOO *")]
    [InlineData("0 0 1--2 * * ?")]
    [InlineData("0 0 12 ? * #3")]
    [InlineData("a b c d e f")]
    public void UnreadableInput_IsAGenericText_NotAnException(string expression)
    {
        Assert.Equal($"Custom schedule: {expression}", CronDescriber.Describe(expression, English));
        Assert.Equal($"自定义计划：{expression}", CronDescriber.Describe(expression, Chinese));
    }

    [Fact]
    public void NullOrPaddedInput_IsHandled()
    {
        Assert.Equal("Custom schedule: ", CronDescriber.Describe(null!, English));
        Assert.Equal("At 02:00 every day", CronDescriber.Describe("  0 0 2 * * ?  ", English));
    }

    [Theory]
    [InlineData("zh-CN", "每天 02:00")]
    [InlineData("zh-Hans", "每天 02:00")]
    [InlineData("zh", "每天 02:00")]
    [InlineData("en-US", "At 02:00 every day")]
    [InlineData("fr-FR", "At 02:00 every day")]
    [InlineData("", "At 02:00 every day")]
    public void Language_FollowsTheCulture(string culture, string expected) =>
        Assert.Equal(expected, CronDescriber.Describe("0 0 2 * * ?", CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void RandomTokenSoup_NeverThrows()
    {
        string[] tokens = ["*", "?", "0", "5", "59", "60", "L", "LW", "L-3", "15W", "6#3", "6L", "MON-FRI", "JAN", "*/0", "*/5", "1-3,7", "10-2/3", "#", "/", "-", ",", "W", "2027", "1970-2999/7", ""];
        var random = new Random(20250601);
        for (var i = 0; i < 5000; i++)
        {
            var expression = string.Join(' ', Enumerable.Range(0, random.Next(5, 9)).Select(_ => tokens[random.Next(tokens.Length)] + (random.Next(4) == 0 ? "," + tokens[random.Next(tokens.Length)] : "")));

            Assert.False(string.IsNullOrWhiteSpace(CronDescriber.Describe(expression, English)));
            Assert.False(string.IsNullOrWhiteSpace(CronDescriber.Describe(expression, Chinese)));
        }
    }

    private static void AssertBoth(string expression, string english, string chinese)
    {
        Assert.Equal(english, CronDescriber.Describe(expression, English));
        Assert.Equal(chinese, CronDescriber.Describe(expression, Chinese));
    }
}
