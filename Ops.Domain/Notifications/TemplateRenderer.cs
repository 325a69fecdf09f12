using System.Text;
using System.Text.RegularExpressions;
using Ops.Domain.Common;

namespace Ops.Domain.Notifications;

/// <summary>How substituted values are escaped for the channel that carries the message.</summary>
public enum TemplateEscaping
{
    /// <summary>SMS, in-app text: values as they are.</summary>
    None,

    /// <summary>E-mail bodies.</summary>
    Html,

    /// <summary>Webhook bodies: the template is JSON and values sit inside string literals.</summary>
    Json,

    /// <summary>DingTalk, Feishu and WeCom robot markdown.</summary>
    Markdown,

    /// <summary>Form-encoded request bodies and query strings (SMS gateways): values percent-encoded.</summary>
    Url,
}

/// <summary>
/// Renders <c>${name}</c> placeholders. <c>$${name}</c> writes a literal <c>${name}</c>. A missing
/// value or a placeholder the template does not declare is an error, never an empty string.
/// </summary>
public static partial class TemplateRenderer
{
    /// <summary>The placeholders a template uses, first occurrence first.</summary>
    public static IReadOnlyList<string> Variables(string template) =>
        Placeholder().Matches(template ?? "").Where(m => !m.Groups["escaped"].Success).Select(m => m.Groups["name"].Value).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Placeholders used but not declared; an empty list means the template is consistent.</summary>
    public static IReadOnlyList<string> Undeclared(string template, IEnumerable<string> declared)
    {
        var known = declared.ToHashSet(StringComparer.Ordinal);
        return Variables(template).Where(v => !known.Contains(v)).ToList();
    }

    public static Result<string> Render(string template, IReadOnlyDictionary<string, string?> values, TemplateEscaping escaping)
    {
        var missing = Variables(template).Where(v => !values.TryGetValue(v, out var value) || value is null).ToList();
        if (missing.Count > 0)
        {
            return Error.Invalid("message.template.missing_variables", string.Join(", ", missing));
        }

        return Placeholder().Replace(template ?? "", m => m.Groups["escaped"].Success
            ? "${" + m.Groups["name"].Value + "}"
            : Escape(values[m.Groups["name"].Value]!, escaping));
    }

    public static string Escape(string value, TemplateEscaping escaping) => escaping switch
    {
        TemplateEscaping.Html => System.Net.WebUtility.HtmlEncode(value),
        TemplateEscaping.Json => JsonString(value),
        TemplateEscaping.Markdown => MarkdownSpecial().Replace(value, @"\$0"),
        TemplateEscaping.Url => Uri.EscapeDataString(value),
        _ => value,
    };

    // The inside of a JSON string literal: quotes, backslashes and control characters escaped.
    private static string JsonString(string value)
    {
        var encoded = System.Text.Json.JsonSerializer.Serialize(value, JsonOptions);
        return encoded[1..^1];
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex(@"(?<escaped>\$)?\$\{(?<name>[A-Za-z_][A-Za-z0-9_.]*)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[\\`*_{}\[\]()#+\-.!|>~<]")]
    private static partial Regex MarkdownSpecial();
}
