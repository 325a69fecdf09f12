using System.Globalization;

namespace Ops.Infrastructure.Reports.Exports;

/// <summary>Cell values as exports write them: raw, and text that a spreadsheet would run as a formula neutralised.</summary>
internal static class ExportCells
{
    /// <summary>
    /// Text beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return gets a leading apostrophe, so
    /// Excel and LibreOffice show it instead of evaluating it (OWASP's CSV injection advice). Numbers stay numbers.
    /// </summary>
    public static string Safe(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>A value for a spreadsheet cell: numbers, times and booleans as themselves, text made safe.</summary>
    public static object? Cell(object? value) => value switch
    {
        null => null,
        string s => Safe(s),
        long or decimal or double or bool or DateTime => value,
        _ => Safe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A value as CSV text: invariant numbers, ISO times, true/false, text made safe.</summary>
    public static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        long or decimal or double => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Safe(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
