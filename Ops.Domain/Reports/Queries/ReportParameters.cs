using System.Globalization;
using Ops.Domain.Common;

namespace Ops.Domain.Reports.Queries;

public enum ReportParameterType
{
    Text,
    Number,
    Date,
    /// <summary>Used as <c>{{name.from}}</c> (the first day, 00:00) and <c>{{name.to}}</c> (the day after the last, 00:00).</summary>
    DateRange,
    Choice,
    MultiChoice,
    /// <summary>The viewer's user id; not settable from a filter or the URL.</summary>
    CurrentUser,
    /// <summary>The viewer's department id; not settable from a filter or the URL.</summary>
    CurrentDepartment,
}

/// <summary>
/// A named parameter of a report query. Choices come from <see cref="Options"/> (a fixed list, <c>value</c> or
/// <c>value=label</c>) or from <see cref="OptionsQuery"/> (a read on the same data source returning value and
/// optionally label).
/// </summary>
public sealed record ReportParameter(
    string Name,
    ReportParameterType Type,
    string? Label = null,
    bool Required = false,
    string? Default = null,
    IReadOnlyList<string>? Options = null,
    string? OptionsQuery = null,
    bool ShowAsFilter = true,
    int Order = 0)
{
    public const int LabelMaxLength = 100;
    public const int DefaultMaxLength = 500;
    public const int MaxOptions = 500;

    /// <summary>Whether the viewer may set it (the current user and department are the server's to say).</summary>
    public bool IsSettable => Type is not (ReportParameterType.CurrentUser or ReportParameterType.CurrentDepartment);
}

/// <summary>Who is running a query, for <see cref="ReportParameterType.CurrentUser"/> and <see cref="ReportParameterType.CurrentDepartment"/>.</summary>
public sealed record QueryViewer(long? UserId, long? DepartmentId);

/// <summary>
/// Turns the text values of filters and URLs into typed driver values, one place for every report. Dates are
/// <c>yyyy-MM-dd</c>; a date range is <c>yyyy-MM-dd..yyyy-MM-dd</c>; multiple choices are separated by commas;
/// numbers use the invariant culture. An unknown choice is refused, as is a value for a parameter the viewer may not set.
/// </summary>
public static class ReportParameterValues
{
    public const int ValueMaxLength = 1000;

    public static Result<IReadOnlyDictionary<string, object?>> Parse(
        IReadOnlyList<ReportParameter> parameters, IReadOnlyDictionary<string, string?> given, QueryViewer viewer, Func<ReportParameter, IReadOnlyList<string>>? allowedChoices = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in parameters)
        {
            var text = parameter.IsSettable && given.TryGetValue(parameter.Name, out var v) ? v?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                text = parameter.Default?.Trim();
            }

            var field = "param." + parameter.Name;
            if (text is { Length: > ValueMaxLength })
            {
                return Error.Invalid("common.too_long", "field.parameter", ValueMaxLength).On(field);
            }

            var parsed = Convert(parameter, text, viewer, allowedChoices?.Invoke(parameter) ?? parameter.Options?.Select(ChoiceValue).ToList());
            if (parsed.IsFailure)
            {
                return parsed.Error!.On(field);
            }

            if (parameter.Required && parsed.Value.Count == 0)
            {
                return Error.Invalid("report.parameter.required", parameter.Label ?? parameter.Name).On(field);
            }

            foreach (var (name, value) in parsed.Value)
            {
                values[name] = value;
            }
        }

        return values;
    }

    /// <summary>The value of a fixed choice written <c>value=label</c> or <c>value</c>.</summary>
    public static string ChoiceValue(string option) => option.Split('=', 2)[0].Trim();

    /// <summary>The label of a fixed choice written <c>value=label</c> or <c>value</c>.</summary>
    public static string ChoiceLabel(string option) => option.Split('=', 2) is [_, var label] ? label.Trim() : option.Trim();

    private static Result<IReadOnlyDictionary<string, object?>> Convert(ReportParameter parameter, string? text, QueryViewer viewer, IReadOnlyList<string>? choices)
    {
        var name = parameter.Name;
        switch (parameter.Type)
        {
            case ReportParameterType.CurrentUser:
                return One(name, viewer.UserId);
            case ReportParameterType.CurrentDepartment:
                return One(name, viewer.DepartmentId);
        }

        if (string.IsNullOrEmpty(text))
        {
            return parameter.Type == ReportParameterType.MultiChoice ? One(name, Array.Empty<string>(), keepEmpty: false) : None();
        }

        switch (parameter.Type)
        {
            case ReportParameterType.Number:
                return decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)
                    ? One(name, number)
                    : Error.Invalid("report.parameter.not_a_number", parameter.Label ?? name);
            case ReportParameterType.Date:
                return TryDate(text, out var date) ? One(name, date) : Error.Invalid("report.parameter.not_a_date", parameter.Label ?? name);
            case ReportParameterType.DateRange:
                var parts = text.Split("..", 2);
                if (parts.Length != 2 || !TryDate(parts[0], out var from) || !TryDate(parts[1], out var to) || to < from)
                {
                    return Error.Invalid("report.parameter.not_a_range", parameter.Label ?? name);
                }

                return new Dictionary<string, object?> { [name + ".from"] = from, [name + ".to"] = to.AddDays(1) };
            case ReportParameterType.Choice:
                return choices is null || choices.Contains(text, StringComparer.Ordinal)
                    ? One(name, text)
                    : Error.Invalid("report.parameter.unknown_choice", parameter.Label ?? name, text);
            case ReportParameterType.MultiChoice:
                var items = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
                var unknown = choices is null ? null : items.FirstOrDefault(i => !choices.Contains(i, StringComparer.Ordinal));
                return unknown is null ? One(name, items) : Error.Invalid("report.parameter.unknown_choice", parameter.Label ?? name, unknown);
            default:
                return One(name, text);
        }
    }

    private static bool TryDate(string text, out DateTime date) =>
        DateTime.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Result<IReadOnlyDictionary<string, object?>> One(string name, object? value, bool keepEmpty = true) =>
        value is null || (!keepEmpty && value is Array { Length: 0 })
            ? None()
            : Result<IReadOnlyDictionary<string, object?>>.Success(new Dictionary<string, object?> { [name] = value });

    private static Result<IReadOnlyDictionary<string, object?>> None() =>
        Result<IReadOnlyDictionary<string, object?>>.Success(new Dictionary<string, object?>());
}
