using System.Globalization;

namespace Ops.Domain.Scheduler;

/// <summary>
/// Describes a Quartz cron expression (seconds minutes hours day-of-month month day-of-week [year]) as a plain
/// sentence in Simplified Chinese or English, for display next to a scheduled job.
/// </summary>
/// <remarks>
/// Display only: validation belongs to Quartz's CronExpression. Anything this cannot read becomes a generic
/// "custom schedule" text that quotes the expression, never an exception.
/// </remarks>
public static class CronDescriber
{
    /// <summary>Chinese when the culture's name starts with "zh", English otherwise.</summary>
    public static string Describe(string expression, CultureInfo culture) =>
        Describe(expression, culture?.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) == true);

    internal static string Describe(string expression, bool chinese)
    {
        var text = expression?.Trim() ?? "";
        if (CronSchedule.Parse(text) is not { } schedule)
        {
            return chinese ? $"自定义计划：{text}" : $"Custom schedule: {text}";
        }

        return chinese ? CronChinese.Describe(schedule) : CronEnglish.Describe(schedule);
    }
}
