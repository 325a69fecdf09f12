using System.Globalization;
using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>
/// Reads form values into what the inputs bind to and writes them back in the shapes
/// <see cref="FormRules"/> expects. A null result means "no value": the key leaves the form data.
/// </summary>
internal static class FormJson
{
    public static string? Text(JsonElement? value) => value is { } v ? FormValues.Text(v) : null;

    public static JsonElement? OfText(string? text) => string.IsNullOrEmpty(text) ? null : FormValues.Of(text);

    public static decimal? Number(JsonElement? value) => value is { } v && FormValues.TryNumber(v, out var n) ? n : null;

    /// <summary>Amounts are kept to cents so what the applicant sees is what is stored.</summary>
    public static JsonElement? OfNumber(decimal? number, bool amount) => number switch
    {
        null => null,
        { } n when amount => FormValues.Of(Math.Round(n, 2, MidpointRounding.AwayFromZero)),
        { } n => FormValues.Of(n),
    };

    public static DateTime? Date(JsonElement? value) =>
        value is { } v && FormValues.TryDate(v, out var d) ? d.ToDateTime(TimeOnly.MinValue) : null;

    public static string? DateText(DateTime? date) =>
        date is { } d ? DateOnly.FromDateTime(d).ToString(FormValues.DateFormat, CultureInfo.InvariantCulture) : null;

    public static JsonElement? OfDate(DateTime? date) => DateText(date) is { } text ? FormValues.Of(text) : null;

    public static (DateTime? Start, DateTime? End) Range(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return (null, null);
        }

        return (v.TryGetProperty("start", out var s) ? Date(s) : null, v.TryGetProperty("end", out var e) ? Date(e) : null);
    }

    public static JsonElement? OfRange(DateTime? start, DateTime? end)
    {
        if (start is null && end is null)
        {
            return null;
        }

        var range = new Dictionary<string, string?> { ["start"] = DateText(start), ["end"] = DateText(end) };
        return FormValues.Of(range.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
    }

    public static IReadOnlyList<string> Strings(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } v
        ? [.. v.EnumerateArray().Select(FormValues.Text).OfType<string>()]
        : [];

    public static JsonElement? OfStrings(IReadOnlyList<string> values) => values.Count == 0 ? null : FormValues.Of(values);

    public static IReadOnlyList<long> Ids(JsonElement? value) => value is { } v && FormValues.TryIds(v, out var ids) ? ids : [];

    /// <summary>A single picker stores a bare id, a multiple one an array.</summary>
    public static JsonElement? OfIds(IReadOnlyList<long> ids, bool multiple) => ids.Count switch
    {
        0 => null,
        _ when multiple => FormValues.Of(ids.Distinct().ToArray()),
        _ => FormValues.Of(ids[^1]),
    };

    /// <summary>Attachment references are strings or objects with an id (and ideally a name).</summary>
    public static IReadOnlyList<Dictionary<string, JsonElement>> Rows(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } v
        ? [.. v.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object)
            .Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal))]
        : [];

    public static JsonElement? OfRows(IReadOnlyList<Dictionary<string, JsonElement>> rows) => rows.Count == 0 ? null : FormValues.Of(rows);

    /// <summary>The stored file's key, for a file uploaded to the approval file store.</summary>
    public static string? FileId(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

    /// <summary>The keys of uploaded files (what a comment's record keeps).</summary>
    public static IReadOnlyList<string> FileIds(JsonElement? value) => value is { ValueKind: JsonValueKind.Array } v
        ? [.. v.EnumerateArray().Select(FileId).OfType<string>()]
        : [];

    public static string? FileName(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => item.GetString(),
        JsonValueKind.Object when item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String => n.GetString(),
        JsonValueKind.Object when item.TryGetProperty("id", out var id) => FormValues.Text(id),
        _ => null,
    };
}
