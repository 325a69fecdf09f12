using System.Globalization;
using System.Text;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.ClickHouse;

/// <summary>
/// The one place where report parameter values become ClickHouse text. ClickHouse before 19.x (Debian's 18.16 among
/// them) has no server-side parameters, so the bound query carries placeholder words (<c>ops_param_p_region</c>) and
/// <see cref="Inline"/> replaces each placeholder token, and only tokens (never text inside a string or a comment),
/// with the value as a literal: strings quoted with every backslash, quote and control character escaped, numbers in
/// invariant digits, dates as <c>'yyyy-MM-dd'</c> (and times as <c>'yyyy-MM-dd HH:mm:ss'</c>, which ClickHouse compares
/// with its Date and DateTime columns).
/// </summary>
internal static class ClickHouseLiterals
{
    public static string Placeholder(string name) => PlaceholderWords.Placeholder(name);

    public static string Inline(BoundQuery query) => PlaceholderWords.Replace(query, SqlDialect.ClickHouse, p => Format(p.Value));

    public static string Format(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "1" : "0",
        long or int or short or byte or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime d => Quote(d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        DateTimeOffset d => Quote(d.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)),
        _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A string literal: ClickHouse reads backslash escapes inside quotes, so both are escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => "\\\\",
                '\'' => "\\'",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                '\b' => "\\b",
                '\f' => "\\f",
                _ when c < ' ' || c == '\x7f' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => c.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }
}
