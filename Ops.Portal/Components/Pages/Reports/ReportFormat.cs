using System.Globalization;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Components.Pages.Reports;

/// <summary>
/// Shows a report value as its column's format says, in the viewer's culture: numbers with or without thousands
/// separators and a number of decimals, percent (a ratio: 0.25 is 25 %), currency with its symbol, date-time patterns.
/// Times from the engine are shown as stored (a report shows what the database holds; the query decides the zone).
/// </summary>
public static class ReportFormat
{
    public static string Text(object? value, ColumnSettings? column, CultureInfo culture)
    {
        if (value is null)
        {
            return "";
        }

        var format = column?.Format ?? ColumnFormat.Auto;
        if (value is DateTime time)
        {
            var pattern = column?.Pattern is { Length: > 0 } p ? p : time.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss";
            return Safe(() => time.ToString(pattern, culture), time.ToString("yyyy-MM-dd HH:mm:ss", culture));
        }

        if (Number(value) is not { } number || format is ColumnFormat.Text)
        {
            return value is bool b ? (b ? "✓" : "✗") : Convert.ToString(value, culture) ?? "";
        }

        var decimals = column?.Decimals;
        var thousands = column?.Thousands ?? true;
        return format switch
        {
            ColumnFormat.Percent => (number * 100).ToString(NumberPattern(thousands, decimals ?? 1), culture) + " %",
            ColumnFormat.Currency => (column?.Currency is { Length: > 0 } symbol ? symbol : "¥") + number.ToString(NumberPattern(thousands, decimals ?? 2), culture),
            _ => number.ToString(NumberPattern(thousands, decimals ?? (number == decimal.Truncate(number) ? 0 : Math.Min((int)number.Scale, 4))), culture),
        };
    }

    /// <summary>The value as a number, or null when it is not one.</summary>
    public static decimal? Number(object? value) => value switch
    {
        long l => l,
        decimal d => d,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e27 => (decimal)d,
        bool b => b ? 1 : 0,
        string s when decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    /// <summary>The colour of the first rule the value meets, or null.</summary>
    public static string? Color(object? value, ColumnSettings? column) =>
        Number(value) is { } number ? column?.Colors?.FirstOrDefault(r => r.Matches(number))?.Color : null;

    /// <summary>A column's heading: its label, or its name.</summary>
    public static string Heading(QueryColumn column, ReportDefinition definition) => definition.Column(column.Name)?.Label is { Length: > 0 } label ? label : column.Name;

    private static string NumberPattern(bool thousands, int decimals) => (thousands ? "#,0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");

    private static string Safe(Func<string> format, string fallback)
    {
        try
        {
            return format();
        }
        catch (FormatException)
        {
            return fallback;
        }
    }
}
