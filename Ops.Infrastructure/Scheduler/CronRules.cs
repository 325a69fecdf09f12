using System.Globalization;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>Quartz cron syntax: validation with a clear message, next fire times, and the plain-language description.</summary>
public static class CronRules
{
    public static TimeZoneInfo? FindTimeZone(string? id) => Ops.Domain.Common.TimeZones.Find(id);

    /// <summary>
    /// Null when valid; otherwise what is wrong, as a code naming the field (<see cref="CronProblems"/>). With
    /// <paramref name="now"/>, a cron with no fire after it is refused too.
    /// </summary>
    public static Error? Check(string? cron, DateTimeOffset? now = null)
    {
        if (string.IsNullOrWhiteSpace(cron))
        {
            return CronProblems.FieldCount(0);
        }

        if (cron.Length > Job.CronMaxLength)
        {
            return Error.Invalid("common.too_long", "Cron", Job.CronMaxLength);
        }

        try
        {
            var expression = CronExpression.Parse(cron.Trim());
            return now is { } at && expression.GetNextValidTimeAfter(at) is null ? CronProblems.NeverFires() : null;
        }
        catch (FormatException)
        {
            return CronProblems.Explain(cron.Trim());
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
            return new CronPreview(false, error.Code, null, []) { ErrorArgs = error.Args };
        }

        return new CronPreview(true, null, CronDescriber.Describe(cron.Trim(), culture), NextFireTimes(cron, zone, now, Math.Clamp(count, 1, 50)));
    }
}
