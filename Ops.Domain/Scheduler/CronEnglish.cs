namespace Ops.Domain.Scheduler;

/// <summary>Renders a parsed schedule as an English sentence: time of day, then day, month and year.</summary>
internal static class CronEnglish
{
    private static readonly string[] _months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] _weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] _ordinals = ["first", "second", "third", "fourth", "fifth"];

    public static string Describe(CronSchedule s)
    {
        var shape = s.TimeShape;
        if (s.DayOfWeek.IsAll && s.Month.IsSingleValue(out var month) && s.DayOfMonth.IsSingleValue(out var day))
        {
            // "At 00:00 on January 1, 2027"
            return Time(s, shape) + $" on {_months[month - 1]} {day}" + Year(s.Year, afterDate: true);
        }

        return Time(s, shape) + Day(s, shape == TimeShape.Fixed) + Month(s.Month) + Year(s.Year, afterDate: false);
    }

    private static string Time(CronSchedule s, TimeShape shape) => shape switch
    {
        TimeShape.Fixed => "At " + Join(s.FixedTimes()),
        TimeShape.HourDriven => HourDriven(s.Hours, s.Minute, s.Second),
        TimeShape.MinutesDriven => Periodic(s.Minutes, "minute") + (s.Second == 0 ? "" : $" at second {s.Second}") + HourLimit(s.Hours),
        TimeShape.SecondsDriven => SecondsDriven(s),
        _ => $"At {Plural("minute", s.Minutes)} {List(s.Minutes)}" + (s.Hours.IsAll ? " of every hour" : HourLimit(s.Hours)) + (s.Second == 0 ? "" : $", at second {s.Second}"),
    };

    private static string SecondsDriven(CronSchedule s)
    {
        var driver = s.Seconds.Parts is [{ Kind: CronPartKind.All or CronPartKind.Step or CronPartKind.Range }]
            ? Periodic(s.Seconds, "second")
            : $"At {Plural("second", s.Seconds)} {List(s.Seconds)}" + (s.Minutes.IsAll ? " of every minute" : "");
        var minutes = s.Minutes.IsAll ? ""
            : s.Minutes.Stretch() is var (first, last) ? first == last ? $" during minute {first}" : $" during minutes {first} through {last}"
            : $" during minutes {List(s.Minutes)}";
        return driver + minutes + HourLimit(s.Hours);
    }

    // A single wildcard, range or step of seconds or minutes.
    private static string Periodic(CronField field, string unit)
    {
        var part = field.Parts[0];
        var every = part.Step == 1 ? $"Every {unit}" : $"Every {part.Step} {unit}s";
        return part.Kind switch
        {
            CronPartKind.All => every,
            CronPartKind.Range => $"{every} from {unit} {part.From} through {part.To}",
            _ => field.ShapeOf(part) switch
            {
                StepShape.Whole => every,
                StepShape.Offset => $"{every} starting at {unit} {part.From}",
                _ => $"{every} from {unit} {part.From} through {field.Sequence(part)[^1]}",
            },
        };
    }

    private static string HourDriven(CronField hours, int minute, int second)
    {
        var part = hours.Parts[0];
        var at = (minute, second) switch
        {
            (0, 0) => "",
            (_, 0) => $" at minute {minute}",
            _ => $" at minute {minute}, second {second}",
        };
        var every = part.Step == 1 ? "Every hour" : $"Every {part.Step} hours";
        if (part.Kind == CronPartKind.All || (part.Kind == CronPartKind.Step && hours.ShapeOf(part) == StepShape.Whole))
        {
            return every + at;
        }

        var sequence = hours.Sequence(part);
        return $"{every} from {CronSchedule.Clock(sequence[0], minute, second)} to {CronSchedule.Clock(sequence[^1], minute, second)}";
    }

    private static string HourLimit(CronField hours) =>
        hours.IsAll ? ""
        : hours.Stretch() is var (first, last) ? $" between {CronSchedule.Clock(first, 0, 0)} and {CronSchedule.Clock(last, 59, 0)}"
        : $" during hours {List(hours)}";

    private static string Day(CronSchedule s, bool fixedTime)
    {
        if (!s.DayOfWeek.IsAll)
        {
            var weekday = s.DayOfWeek.Parts[0];
            return weekday.Kind switch
            {
                CronPartKind.NthDayOfWeek => $" on the {_ordinals[weekday.Number - 1]} {_weekdays[weekday.From - 1]} of the month",
                CronPartKind.LastDayOfWeek => $" on the last {_weekdays[weekday.From - 1]} of the month",
                CronPartKind.Range when s.DayOfWeek.Parts.Count == 1 => $", {_weekdays[weekday.From - 1]} through {_weekdays[weekday.To - 1]}",
                _ => " on " + Join(s.DayOfWeek.Values().Select(d => _weekdays[d - 1] + "s")),
            };
        }

        if (s.DayOfMonth.IsAll)
        {
            return fixedTime ? " every day" : "";
        }

        var dom = s.DayOfMonth;
        var part = dom.Parts[0];
        return part.Kind switch
        {
            CronPartKind.LastDay or CronPartKind.LastDayOffset when part.Number == 0 => " on the last day of the month",
            CronPartKind.LastDayOffset => $", {part.Number} {(part.Number == 1 ? "day" : "days")} before the last day of the month",
            CronPartKind.LastWeekday => " on the last weekday of the month",
            CronPartKind.NearestWeekday => $" on the weekday nearest day {part.From} of the month",
            CronPartKind.Step when dom.Parts.Count == 1 && part.To == dom.Max => $" every {Count(part.Step, "day")} starting on day {part.From} of the month",
            CronPartKind.Step when dom.Parts.Count == 1 => $" every {Count(part.Step, "day")} from day {part.From} through {dom.Sequence(part)[^1]} of the month",
            CronPartKind.Range when dom.Parts.Count == 1 => $" on days {part.From} through {part.To} of the month",
            _ => $" on {Plural("day", dom)} {List(dom)} of the month",
        };
    }

    private static string Month(CronField month) =>
        month.IsAll ? ""
        : month.IsOnly(CronPartKind.Range, out var range) ? $", {_months[range.From - 1]} through {_months[range.To - 1]}"
        : " in " + Join(month.Values().Select(m => _months[m - 1]));

    private static string Year(CronField year, bool afterDate)
    {
        if (year.IsAll)
        {
            return "";
        }

        if (year.IsSingleValue(out var single))
        {
            return afterDate ? $", {single}" : $" in {single}";
        }

        return year.Parts switch
        {
            [{ Kind: CronPartKind.Range } range] => $" from {range.From} through {range.To}",
            [{ Kind: CronPartKind.Step } step] when step.To == year.Max => $" every {Count(step.Step, "year")} starting in {step.From}",
            [{ Kind: CronPartKind.Step } step] => $" every {Count(step.Step, "year")} from {step.From} through {year.Sequence(step)[^1]}",
            _ => " in " + List(year),
        };
    }

    private static string Count(int n, string unit) => n == 1 ? unit : $"{n} {unit}s";

    private static string Plural(string unit, CronField field) => field.Values().Count == 1 ? unit : unit + "s";

    // "5, 10 and 15"; runs of three or more read "0 through 10".
    private static string List(CronField field) =>
        Join(field.Runs().Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First} through {r.Last}"));

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " and " + list[^1];
    }
}
