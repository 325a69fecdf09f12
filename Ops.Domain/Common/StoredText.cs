using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ops.Domain.Common;

/// <summary>
/// A sentence for people that is kept in the database (a run's error, a delivery failure) as a resource code
/// and its arguments, put into words when shown, in the viewer's language. Rows written before codes hold
/// plain prose; <see cref="TryDecode"/> refuses them and they show as they are.
/// </summary>
public sealed record StoredText(string Code, IReadOnlyList<string> Args)
{
    /// <summary>The code and its arguments, written culture-neutral (numbers with a dot) for whoever reads them.</summary>
    public static StoredText Of(string code, params object[] args) =>
        new(code, args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToArray());

    /// <summary>The stored form: <c>{"text":"job.run.timed_out","args":["30"]}</c>.</summary>
    public string Encode() => JsonSerializer.Serialize(new Stored(Code, Args.Count == 0 ? null : Args));

    public override string ToString() => Encode();

    public static bool TryDecode(string? stored, out StoredText text)
    {
        text = null!;
        if (stored is null || !stored.StartsWith("{\"text\":", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<Stored>(stored);
            if (parsed?.Text is not { Length: > 0 } code)
            {
                return false;
            }

            text = new StoredText(code, parsed.Args ?? []);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private sealed record Stored(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("args"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<string>? Args);
}
