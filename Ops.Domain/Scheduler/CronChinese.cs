using System.Text;

namespace Ops.Domain.Scheduler;

/// <summary>Renders a parsed schedule in Simplified Chinese: year, month and day first, then the time of day.</summary>
internal static class CronChinese
{
    private static readonly string[] _weekdays = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];
    private static readonly string[] _numerals = ["一", "二", "三", "四", "五"];

    public static string Describe(CronSchedule s)
    {
        var (time, withinDay) = Time(s, s.TimeShape);
        var date = Date(s, withinDay);
        var text = date.Length == 0 ? time : date + (char.IsAsciiDigit(time[0]) ? " " : "，") + time;
        return Spaced(text);
    }

    // WithinDay: the time names hours of the day, so an unrestricted date still reads "每天".
    private static (string Text, bool WithinDay) Time(CronSchedule s, TimeShape shape) => shape switch
    {
        TimeShape.Fixed => (Join(s.FixedTimes()), true),
        TimeShape.HourDriven => HourDriven(s.Hours, s.Minute, s.Second),
        TimeShape.MinutesDriven => (MinutesDriven(s), !s.Hours.IsAll),
        TimeShape.SecondsDriven => (SecondsDriven(s), !s.Hours.IsAll),
        _ => ((s.Hours.IsAll ? "每小时" : HourLimit(s.Hours)) + $"的第 {List(s.Minutes)} 分钟" + AtSecond(s.Second), !s.Hours.IsAll),
    };

    private static string AtSecond(int second) => second == 0 ? "" : $"的第 {second} 秒";

    private static string MinutesDriven(CronSchedule s)
    {
        var driver = Periodic(s.Minutes, "分钟");
        var hours = HourLimit(s.Hours);
        return hours + (hours.Length > 0 && driver.StartsWith('第') ? "的" : "") + driver + AtSecond(s.Second);
    }

    private static string SecondsDriven(CronSchedule s)
    {
        var periodic = s.Seconds.Parts is [{ Kind: CronPartKind.All or CronPartKind.Step or CronPartKind.Range }];
        var driver = periodic ? Periodic(s.Seconds, "秒") : $"第 {List(s.Seconds)} 秒";
        var hours = HourLimit(s.Hours);
        if (s.Minutes.IsAll)
        {
            return hours + (periodic ? "" : "每分钟的") + driver;
        }

        var minutes = s.Minutes.Stretch() is var (first, last)
            ? first == last ? $"第 {first} 分钟" : $"第 {first} 至 {last} 分钟"
            : $"第 {List(s.Minutes)} 分钟";
        return hours + (s.Hours.IsAll ? "每小时" : "的") + minutes + (periodic ? "内" : "的") + driver;
    }

    // A single wildcard, range or step of seconds ("秒") or minutes ("分钟").
    private static string Periodic(CronField field, string unit)
    {
        var part = field.Parts[0];
        var every = Every(part.Step, unit);
        return part.Kind switch
        {
            CronPartKind.All => every,
            CronPartKind.Range => $"第 {part.From} 至 {part.To} {unit}内{every}",
            _ => field.ShapeOf(part) switch
            {
                StepShape.Whole => every,
                StepShape.Offset => $"从第 {part.From} {unit}起{every}",
                _ => $"第 {part.From} 至 {field.Sequence(part)[^1]} {unit}内{every}",
            },
        };
    }

    private static (string Text, bool WithinDay) HourDriven(CronField hours, int minute, int second)
    {
        var part = hours.Parts[0];
        var at = (minute, second) switch
        {
            (0, 0) => "整点",
            (_, 0) => $"的第 {minute} 分钟",
            _ => $"的第 {minute} 分 {second} 秒",
        };
        var every = Every(part.Step, "小时");
        if (part.Kind == CronPartKind.All || (part.Kind == CronPartKind.Step && hours.ShapeOf(part) == StepShape.Whole))
        {
            return (every + at, false);
        }

        var sequence = hours.Sequence(part);
        return ($"{sequence[0]} 点至 {sequence[^1]} 点{every}{at}", true);
    }

    private static string HourLimit(CronField hours) =>
        hours.IsAll ? ""
        : hours.Stretch() is var (first, last) ? $"{CronSchedule.Clock(first, 0, 0)} 至 {CronSchedule.Clock(last, 59, 0)}"
        : $"{List(hours)} 点";

    private static string Date(CronSchedule s, bool withinDay)
    {
        var monthLimited = !s.Month.IsAll;
        var prefix = Year(s.Year, monthLimited) + Month(s.Month);
        var (day, monthly) = Day(s);
        if (day is null)
        {
            return prefix + (withinDay ? "每天" : "");
        }

        // "每月 1 日", "1 月 1 日", "1 和 7 月的 1 日"; weekly patterns follow the month directly.
        var joint = !monthly ? "" : !monthLimited ? "每月" : s.Month.IsSingleValue(out _) ? "" : "的";
        return prefix + joint + day;
    }

    private static (string? Text, bool Monthly) Day(CronSchedule s)
    {
        var dow = s.DayOfWeek;
        if (!dow.IsAll)
        {
            var weekday = dow.Parts[0];
            return weekday.Kind switch
            {
                CronPartKind.NthDayOfWeek => ($"第{_numerals[weekday.Number - 1]}个{_weekdays[weekday.From - 1]}", true),
                CronPartKind.LastDayOfWeek => ($"最后一个{_weekdays[weekday.From - 1]}", true),
                CronPartKind.Range when dow.Parts.Count == 1 => ($"每{_weekdays[weekday.From - 1]}至{_weekdays[weekday.To - 1]}", false),
                _ => ("每" + Join(dow.Values().Select(d => _weekdays[d - 1])), false),
            };
        }

        if (s.DayOfMonth.IsAll)
        {
            return (null, false);
        }

        var dom = s.DayOfMonth;
        var part = dom.Parts[0];
        var single = dom.Parts.Count == 1;
        return (part.Kind switch
        {
            CronPartKind.LastDay or CronPartKind.LastDayOffset when part.Number == 0 => "最后一天",
            CronPartKind.LastDayOffset => $"倒数第 {part.Number + 1} 天",
            CronPartKind.LastWeekday => "最后一个工作日",
            CronPartKind.NearestWeekday => $"最接近 {part.From} 日的工作日",
            CronPartKind.Step when single && part.To == dom.Max => $"从 {part.From} 日起{Every(part.Step, "天")}",
            CronPartKind.Step when single => $"{part.From} 至 {dom.Sequence(part)[^1]} 日{Every(part.Step, "天")}",
            CronPartKind.Range when single => $"{part.From} 至 {part.To} 日",
            _ => $"{List(dom)} 日",
        }, true);
    }

    private static string Month(CronField month) =>
        month.IsAll ? ""
        : month.IsOnly(CronPartKind.Range, out var range) ? $"{range.From} 至 {range.To} 月"
        : $"{List(month)} 月";

    private static string Year(CronField year, bool monthLimited)
    {
        var eachYear = monthLimited ? "每年" : "";
        if (year.IsAll)
        {
            return eachYear;
        }

        if (year.IsSingleValue(out var single))
        {
            return $"{single} 年";
        }

        return year.Parts switch
        {
            [{ Kind: CronPartKind.Range } range] => $"{range.From} 至 {range.To} 年{eachYear}",
            [{ Kind: CronPartKind.Step } step] when step.To == year.Max => $"从 {step.From} 年起{Every(step.Step, "年")}" + (monthLimited ? "的" : ""),
            [{ Kind: CronPartKind.Step } step] => $"{step.From} 至 {year.Sequence(step)[^1]} 年{Every(step.Step, "年")}" + (monthLimited ? "的" : ""),
            _ => $"{List(year)} 年{eachYear}",
        };
    }

    private static string Every(int n, string unit) => n == 1 ? $"每{unit}" : $"每 {n} {unit}";

    // "5、10 和 15"; runs of three or more read "0 至 10".
    private static string List(CronField field) =>
        Join(field.Runs().Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First} 至 {r.Last}"));

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count < 2 ? string.Concat(list) : string.Join("、", list.Take(list.Count - 1)) + "和" + list[^1];
    }

    // A space between Han characters and Latin letters or digits: "每月1日" reads "每月 1 日".
    private static string Spaced(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            if (i > 0 && ((IsHan(text[i - 1]) && char.IsAsciiLetterOrDigit(text[i])) || (char.IsAsciiLetterOrDigit(text[i - 1]) && IsHan(text[i]))))
            {
                builder.Append(' ');
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff';
}
