using System.Globalization;
using Ops.Domain.Scheduler;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>Quartz cron syntax: validation with a clear message, next fire times, and the plain-language description.</summary>
public static class CronRules
{
    public static TimeZoneInfo? FindTimeZone(string? id) => Ops.Domain.Common.TimeZones.Find(id);

    /// <summary>Null when valid; otherwise Quartz's own explanation of what is wrong. With <paramref name="now"/>, a cron with no fire after it is refused too.</summary>
    public static string? Check(string? cron, DateTimeOffset? now = null)
    {
        if (string.IsNullOrWhiteSpace(cron) || cron.Length > Job.CronMaxLength)
        {
            return "empty or too long";
        }

        try
        {
            var expression = CronExpression.Parse(cron.Trim());
            return now is { } at && expression.GetNextValidTimeAfter(at) is null ? "never fires" : null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    public static IReadOnlyList<DateTimeOffset> NextFireTimes(string cron, TimeZoneInfo zone, DateTimeOffset after, int count)
    {
        var expression = CronExpression.Parse(cron.Trim()).WithTimeZone(zone);
        var times = new List<DateTimeOffset>(count);
        var cursor = after;
        while (times.Count < count && expression.GetNextValidTimeAfter(cursor) is { } next)
        {
            times.Add(TimeZoneInfo.ConvertTime(next, zone));
            cursor = next;
        }

        return times;
    }

    public static CronPreview Preview(string cron, string timeZone, DateTimeOffset now, int count, CultureInfo culture)
    {
        var zone = FindTimeZone(timeZone);
        if (zone is null)
        {
            return new CronPreview(false, "scheduler.job.timezone_invalid", null, []);
        }

        if (Check(cron, now) is { } error)
        {
            return new CronPreview(false, error, null, []);
        }

        return new CronPreview(true, null, CronDescriber.Describe(cron.Trim(), culture), NextFireTimes(cron, zone, now, Math.Clamp(count, 1, 50)));
    }
}
