using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ops.Domain.Approvals;

/// <summary>Reading the neutral JSON values of form data: numbers, dates, ids, emptiness.</summary>
public static class FormValues
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Patterns come from designers: a slow one fails the value instead of hanging the server.</summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Missing, null, blank text, an empty array, or an object whose properties are all empty.</summary>
    public static bool IsEmpty(JsonElement? value) => value is not { } v || v.ValueKind switch
    {
        JsonValueKind.Undefined or JsonValueKind.Null => true,
        JsonValueKind.String => string.IsNullOrWhiteSpace(v.GetString()),
        JsonValueKind.Array => v.GetArrayLength() == 0,
        JsonValueKind.Object => v.EnumerateObject().All(p => IsEmpty(p.Value)),
        _ => false,
    };

    /// <summary>A JSON number or a numeric string (invariant culture).</summary>
    public static bool TryNumber(JsonElement value, out decimal number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out number),
            JsonValueKind.String => decimal.TryParse(value.GetString(), NumberStyles.Number, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    public static bool TryDate(JsonElement value, out DateOnly date)
    {
        date = default;
        return value.ValueKind == JsonValueKind.String
            && DateOnly.TryParseExact(value.GetString(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>A JSON integer or an array of them (user and department pickers).</summary>
    public static bool TryIds(JsonElement value, out IReadOnlyList<long> ids)
    {
        var list = new List<long>();
        ids = list;
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var one) && Add(list, one);
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt64(out var id) || !Add(list, id))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Text for equality: strings as they are, other scalars as their JSON text.</summary>
    public static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    /// <summary>A copy that outlives the document it came from.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Copy(IReadOnlyDictionary<string, JsonElement>? data) =>
        (data ?? new Dictionary<string, JsonElement>()).ToDictionary(p => p.Key, p => p.Value.Clone(), StringComparer.Ordinal);

    /// <summary>A value for tests and callers building data in code.</summary>
    public static JsonElement Of<T>(T value) => JsonSerializer.SerializeToElement(value, ApprovalJson.Options);

    private static bool Add(List<long> list, long id)
    {
        list.Add(id);
        return id > 0;
    }

    internal static bool IsFileReference(JsonElement item) => item.ValueKind switch
    {
        JsonValueKind.String => !string.IsNullOrWhiteSpace(item.GetString()),
        JsonValueKind.Object => item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(id.GetString()),
        _ => false,
    };

    internal static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or ArgumentException)
        {
            return false;
        }
    }
}
