using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ops.Infrastructure.Auth.Sso;

/// <summary>Small JSON helpers the connectors share: a failed call becomes an <see cref="SsoException"/>.</summary>
internal static class SsoHttp
{
    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SsoException("sso_failed", $"HTTP {(int)response.StatusCode}: {Clip(body)}");
        }

        try
        {
            return JsonNode.Parse(body) ?? throw new SsoException("sso_failed", "empty response");
        }
        catch (JsonException ex)
        {
            throw new SsoException("sso_failed", $"not JSON: {ex.Message}");
        }
    }

    public static async Task<JsonNode> GetAsync(HttpClient http, string url, CancellationToken cancellationToken, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        using var response = await http.SendAsync(request, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public static async Task<JsonNode> PostJsonAsync(HttpClient http, string url, object body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(url, body, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public static string Required(JsonNode? node, string name) =>
        node?[name]?.GetValue<JsonElement>() is { ValueKind: JsonValueKind.String or JsonValueKind.Number } value && value.ToString() is { Length: > 0 } text
            ? text
            : throw new SsoException("sso_failed", $"'{name}' missing");

    public static string? Optional(JsonNode? node, string name) =>
        node?[name]?.GetValue<JsonElement>() is { ValueKind: JsonValueKind.String } value && value.GetString() is { Length: > 0 } text ? text : null;

    public static string Query(params (string Key, string? Value)[] pairs) =>
        string.Join("&", pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));

    public static string Base(string? authority, string fallback) => (string.IsNullOrWhiteSpace(authority) ? fallback : authority).TrimEnd('/');

    private static string Clip(string text) => text.Length <= 300 ? text : text[..300];
}
