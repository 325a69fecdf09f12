using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Ops.Domain.Scheduler.Flows;

/// <summary>
/// A node's parameters (a JSON object) with <c>${nodes.&lt;key&gt;.result}</c> replaced by that upstream
/// node's result, so downstream jobs read upstream output like any run parameter.
/// </summary>
public static partial class FlowParameters
{
    // Chinese text stays readable and short in the run log (the default escapes every non-ASCII character).
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Keys named in references, to check they are upstream of the node.</summary>
    public static IReadOnlyCollection<string> References(string? parameters) =>
        string.IsNullOrWhiteSpace(parameters) ? [] : Reference().Matches(parameters).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>The parameters with references resolved (results are trimmed); null when there are none.</summary>
    public static string? Resolve(string? parameters, IReadOnlyDictionary<string, string?> results)
    {
        if (string.IsNullOrWhiteSpace(parameters))
        {
            return null;
        }

        var root = JsonNode.Parse(parameters) as JsonObject ?? throw new JsonException("parameters must be a JSON object");
        foreach (var (name, value) in root.ToList())
        {
            if (value is JsonValue text && text.TryGetValue<string>(out var s))
            {
                root[name] = Reference().Replace(s, m => results.TryGetValue(m.Groups[1].Value, out var r) ? (r ?? "").Trim() : m.Value);
            }
        }

        return root.ToJsonString(Json);
    }

    /// <summary>Whether the text is a JSON object (or empty).</summary>
    public static bool Valid(string? parameters)
    {
        if (string.IsNullOrWhiteSpace(parameters))
        {
            return true;
        }

        try
        {
            return JsonNode.Parse(parameters) is JsonObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\$\{nodes\.([A-Za-z0-9_\-]+)\.result\}")]
    private static partial Regex Reference();
}
