using System.Globalization;

namespace Ops.Domain.Scheduler;

/// <summary>Reads one field of a Quartz cron expression; null for anything Quartz would not read.</summary>
internal static class CronFieldParser
{
    private static readonly string[] _monthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] _dayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    public static CronField? Parse(string text, CronUnit unit)
    {
        var (min, max) = unit switch
        {
            CronUnit.Second or CronUnit.Minute => (0, 59),
            CronUnit.Hour => (0, 23),
            CronUnit.DayOfMonth => (1, 31),
            CronUnit.Month => (1, 12),
            CronUnit.DayOfWeek => (1, 7),
            _ => (1970, 2999),
        };
        var parts = new List<CronPart>();
        foreach (var token in text.Split(','))
        {
            if (ParsePart(token, unit, min, max) is not { } part)
            {
                return null;
            }

            parts.Add(part);
        }

        // Quartz allows *, ?, L, W and # only on their own, never inside a list.
        var listable = parts.All(p => p.Kind is CronPartKind.Value or CronPartKind.Range or CronPartKind.Step);
        return parts.Count == 1 || listable ? new CronField(unit, parts, min, max) : null;
    }

    private static CronPart? ParsePart(string token, CronUnit unit, int min, int max)
    {
        var day = unit is CronUnit.DayOfMonth or CronUnit.DayOfWeek;
        if (token == "*" || (token == "?" && day))
        {
            return new CronPart(CronPartKind.All, min, max);
        }

        var slash = token.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var step = Number(token[(slash + 1)..], 1, max - min + 1);
            var start = token[..slash];
            var bounds = start == "*" ? (min, max) : Bounds(start, unit, min, max, max);
            return step is { } n && bounds is var (from, to) ? new CronPart(CronPartKind.Step, from, to, n) : null;
        }

        if (unit == CronUnit.DayOfMonth && token.StartsWith('L'))
        {
            return token switch
            {
                "L" => new CronPart(CronPartKind.LastDay, 0, 0),
                "LW" => new CronPart(CronPartKind.LastWeekday, 0, 0),
                _ when token.StartsWith("L-", StringComparison.Ordinal) && Number(token[2..], 0, 30) is { } offset => new CronPart(CronPartKind.LastDayOffset, 0, 0, Number: offset),
                _ => null,
            };
        }

        if (unit == CronUnit.DayOfMonth && token.EndsWith('W'))
        {
            return Value(token[..^1], unit, min, max) is { } target ? new CronPart(CronPartKind.NearestWeekday, target, target) : null;
        }

        if (unit == CronUnit.DayOfWeek && token == "L")
        {
            return new CronPart(CronPartKind.Value, 7, 7);
        }

        if (unit == CronUnit.DayOfWeek && token.EndsWith('L'))
        {
            return Value(token[..^1], unit, min, max) is { } weekday ? new CronPart(CronPartKind.LastDayOfWeek, weekday, weekday) : null;
        }

        var hash = token.IndexOf('#', StringComparison.Ordinal);
        if (unit == CronUnit.DayOfWeek && hash > 0)
        {
            return Value(token[..hash], unit, min, max) is { } weekday && Number(token[(hash + 1)..], 1, 5) is { } nth
                ? new CronPart(CronPartKind.NthDayOfWeek, weekday, weekday, Number: nth)
                : null;
        }

        return Bounds(token, unit, min, max, null) is var (first, last)
            ? first == last && !token.Contains('-', StringComparison.Ordinal) ? new CronPart(CronPartKind.Value, first, first) : new CronPart(CronPartKind.Range, first, last)
            : null;
    }

    // "a" or "a-b"; a lone "a" ends at openEnd when given (the start of a step), else at a.
    private static (int From, int To)? Bounds(string text, CronUnit unit, int min, int max, int? openEnd)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return Value(text, unit, min, max) is { } single ? (single, openEnd ?? single) : null;
        }

        return Value(text[..dash], unit, min, max) is { } from && Value(text[(dash + 1)..], unit, min, max) is { } to ? (from, to) : null;
    }

    private static int? Value(string text, CronUnit unit, int min, int max)
    {
        var names = unit switch { CronUnit.Month => _monthNames, CronUnit.DayOfWeek => _dayNames, _ => [] };
        var index = Array.IndexOf(names, text);
        return index >= 0 ? index + 1 : Number(text, min, max);
    }

    private static int? Number(string text, int min, int max) =>
        text.Length is > 0 and <= 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max ? n : null;
}
