using System.Text.Json;

namespace Ops.Domain.Approvals;

public enum ConditionOperator
{
    Equal,
    NotEqual,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,

    /// <summary>The field's value (or any of its values) is one of the condition's array.</summary>
    In,

    /// <summary>A list field holds the value, or a text field contains it.</summary>
    Contains,
    IsEmpty,
    IsNotEmpty,
}

/// <summary>A rule on one form field, e.g. <c>amount &gt; 10000</c>. <see cref="Value"/> is unused by the emptiness checks.</summary>
public sealed record FieldCondition(string Field, ConditionOperator Operator, JsonElement? Value = null)
{
    public bool NeedsValue => Operator is not (ConditionOperator.IsEmpty or ConditionOperator.IsNotEmpty);
}

/// <summary>
/// Evaluates conditions on form data. Numbers compare as numbers (numeric strings too), dates as dates;
/// an empty or missing field matches only <see cref="ConditionOperator.IsEmpty"/> (so <c>≠</c> is false on it, as in SQL).
/// </summary>
public static class Conditions
{
    /// <summary>All conditions hold (AND); an empty list holds.</summary>
    public static bool Match(IReadOnlyList<FieldCondition> conditions, IReadOnlyDictionary<string, JsonElement> data) =>
        conditions.All(c => Match(c, data));

    public static bool Match(FieldCondition condition, IReadOnlyDictionary<string, JsonElement> data)
    {
        JsonElement? found = data.TryGetValue(condition.Field, out var v) ? v : null;
        var empty = FormValues.IsEmpty(found);
        if (condition.Operator == ConditionOperator.IsEmpty || condition.Operator == ConditionOperator.IsNotEmpty)
        {
            return empty == (condition.Operator == ConditionOperator.IsEmpty);
        }

        if (empty || condition.Value is not { } expected)
        {
            return false;
        }

        var value = found!.Value;
        return condition.Operator switch
        {
            ConditionOperator.Equal => Same(value, expected),
            ConditionOperator.NotEqual => value.ValueKind != JsonValueKind.Array && !Same(value, expected),
            ConditionOperator.In => expected.ValueKind == JsonValueKind.Array && Items(value).Any(i => expected.EnumerateArray().Any(e => Same(i, e))),
            ConditionOperator.Contains => Contains(value, expected),
            _ => Compare(value, expected) is { } order && condition.Operator switch
            {
                ConditionOperator.Greater => order > 0,
                ConditionOperator.GreaterOrEqual => order >= 0,
                ConditionOperator.Less => order < 0,
                _ => order <= 0,
            },
        };
    }

    private static bool Same(JsonElement left, JsonElement right)
    {
        if (FormValues.TryNumber(left, out var a) && FormValues.TryNumber(right, out var b))
        {
            return a == b;
        }

        return left.ValueKind != JsonValueKind.Array && FormValues.Text(left) is { } text && text == FormValues.Text(right);
    }

    /// <summary>Numbers first, then dates; other values have no order.</summary>
    private static int? Compare(JsonElement left, JsonElement right)
    {
        if (FormValues.TryNumber(left, out var a) && FormValues.TryNumber(right, out var b))
        {
            return a.CompareTo(b);
        }

        return FormValues.TryDate(left, out var x) && FormValues.TryDate(right, out var y) ? x.CompareTo(y) : null;
    }

    private static bool Contains(JsonElement value, JsonElement expected) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().Any(i => Same(i, expected)),
        JsonValueKind.String => FormValues.Text(expected) is { } part && value.GetString()!.Contains(part, StringComparison.Ordinal),
        _ => false,
    };

    private static IEnumerable<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [value];
}
