using System.Globalization;

namespace Ops.Domain.Scheduler;

/// <summary>Which field drives the time of day, and so how the sentence is built.</summary>
internal enum TimeShape
{
    /// <summary>A handful of clock times: "At 06:00 and 18:00".</summary>
    Fixed,

    /// <summary>Seconds vary: "Every 2 seconds", "At seconds 0 and 30 of every minute".</summary>
    SecondsDriven,

    /// <summary>Seconds fixed, minutes a wildcard, step or range: "Every 5 minutes".</summary>
    MinutesDriven,

    /// <summary>Minute and second fixed, hours a wildcard, step or range: "Every hour from 09:00 to 17:00".</summary>
    HourDriven,

    /// <summary>Seconds fixed, minutes a list, hours anything else: "At minutes 0 and 30 of every hour".</summary>
    MinuteList,
}

/// <summary>A Quartz cron expression split into its fields; the year is <c>*</c> when the expression has six fields.</summary>
internal sealed record CronSchedule(CronField Seconds, CronField Minutes, CronField Hours, CronField DayOfMonth, CronField Month, CronField DayOfWeek, CronField Year)
{
    private const int MaxFixedTimes = 6;

    public static CronSchedule? Parse(string expression)
    {
        var fields = expression.ToUpperInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (6 or 7))
        {
            return null;
        }

        var parsed = new CronField?[7];
        for (var i = 0; i < parsed.Length; i++)
        {
            parsed[i] = CronFieldParser.Parse(i < fields.Length ? fields[i] : "*", (CronUnit)i);
        }

        if (parsed is not [{ } s, { } m, { } h, { } dom, { } month, { } dow, { } year])
        {
            return null;
        }

        // Quartz needs '?' in one of the two day fields; with both restricted there is no single meaning to show.
        return dom.IsAll || dow.IsAll ? new CronSchedule(s, m, h, dom, month, dow, year) : null;
    }

    public TimeShape TimeShape
    {
        get
        {
            if (!Seconds.IsSingleValue(out _))
            {
                return TimeShape.SecondsDriven;
            }

            var minuteIsSingle = Minutes.IsSingleValue(out _);
            if (!minuteIsSingle && Minutes.Parts is [{ Kind: CronPartKind.All or CronPartKind.Step or CronPartKind.Range }])
            {
                return TimeShape.MinutesDriven;
            }

            if (Minutes.IsValuesOnly && Hours.IsValuesOnly && (minuteIsSingle || Minutes.Values().Count * Hours.Values().Count <= MaxFixedTimes))
            {
                return TimeShape.Fixed;
            }

            return minuteIsSingle && Hours.Parts is [{ Kind: CronPartKind.All or CronPartKind.Step or CronPartKind.Range }]
                ? TimeShape.HourDriven
                : TimeShape.MinuteList;
        }
    }

    /// <summary>The seconds value; meaningful when seconds are a single value (every shape but <see cref="TimeShape.SecondsDriven"/>).</summary>
    public int Second => Seconds.IsSingleValue(out var second) ? second : 0;

    /// <summary>The minute value when minutes are a single value.</summary>
    public int Minute => Minutes.IsSingleValue(out var minute) ? minute : 0;

    /// <summary>Neither day field restricts the day (month and year may still).</summary>
    public bool EveryDay => DayOfMonth.IsAll && DayOfWeek.IsAll;

    /// <summary>Clock times of a <see cref="TimeShape.Fixed"/> schedule, earliest first.</summary>
    public IReadOnlyList<string> FixedTimes() =>
        Hours.Values().SelectMany(h => Minutes.Values().Select(m => Clock(h, m, Second))).ToList();

    /// <summary>"09:30", or "09:30:15" when the second is not zero.</summary>
    public static string Clock(int hour, int minute, int second) =>
        second == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{hour:00}:{minute:00}:{second:00}");
}
