using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Ops.Portal.Localization;

/// <summary>
/// The text of an error code in the current UI culture, for pages and the API alike: arguments that are field keys
/// are localized too, and so are enum values (<c>AssigneeKind.Role</c> reads as the resource
/// <c>enum.AssigneeKind.Role</c>, or its name without one). An unknown code reads as itself.
/// </summary>
internal sealed class ErrorText(IStringLocalizer<UiText> text)
{
    public string Describe(string code, IReadOnlyList<object> args)
    {
        var localized = text[code];
        if (localized.ResourceNotFound)
        {
            return code;
        }

        var values = args.Select(a => a switch
        {
            string s when s.StartsWith("field.", StringComparison.Ordinal) => text[s].Value,
            Enum e => EnumText(e),
            _ => a,
        }).ToArray();
        return string.Format(CultureInfo.CurrentCulture, localized.Value, values);
    }

    /// <summary>The label of a field key (<c>field.name</c>), or the key when it has none.</summary>
    public string Field(string field) => text[field] is { ResourceNotFound: false } label ? label.Value : field;

    public string this[string key] => text[key];

    private string EnumText(Enum value)
    {
        var localized = text[$"enum.{value.GetType().Name}.{value}"];
        return localized.ResourceNotFound ? value.ToString() : localized.Value;
    }
}
