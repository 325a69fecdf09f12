using Ops.Domain.Common;
using Quartz;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// What is wrong with a cron, as a code and arguments the page words in the viewer's language, naming the field:
/// Quartz's own messages are English and name a parser position, not the field a person typed.
/// </summary>
internal static class CronProblems
{
    public const string Code = "scheduler.job.cron_invalid";

    private static readonly string[] Fields = ["second", "minute", "hour", "day_of_month", "month", "day_of_week", "year"];

    /// <summary>A known-good value for each field, for trying one field of the typed cron at a time.</summary>
    private static readonly string[] Good = ["0", "0", "0", "1", "*", "?", "*"];

    public static Error FieldCount(int count) => Error.Invalid(Code + ".fields", count);

    public static Error NeverFires() => Error.Invalid(Code + ".never");

    /// <summary>The first field that is wrong on its own, or (rarely) the whole.</summary>
    public static Error Explain(string cron)
    {
        var parts = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 6 or > 7)
        {
            return FieldCount(parts.Length);
        }

        for (var i = 0; i < parts.Length; i++)
        {
            if (!Parses(WithOnly(parts, i)))
            {
                return Error.Invalid($"{Code}.{Fields[i]}", i + 1, parts[i]);
            }
        }

        // Each field parses alone, so the fields clash with each other: name the whole expression.
        return Error.Invalid(Code, cron);
    }

    /// <summary>The good cron with the typed field <paramref name="index"/> in place; the other day field yields to it.</summary>
    private static string WithOnly(string[] parts, int index)
    {
        var trial = Good.Take(parts.Length).ToArray();
        trial[index] = parts[index];
        if (index == 3 && parts[3] == "?")
        {
            trial[5] = "MON";
        }
        else if (index == 5 && parts[5] != "?")
        {
            trial[3] = "?";
        }

        return string.Join(' ', trial);
    }

    private static bool Parses(string cron)
    {
        try
        {
            _ = CronExpression.Parse(cron);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
