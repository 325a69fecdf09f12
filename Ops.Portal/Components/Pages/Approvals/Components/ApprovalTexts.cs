using System.Text.Json;
using System.Text.RegularExpressions;
using Ops.Domain.Approvals;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>Resource keys of the designer's enums (<c>FieldType.DateRange</c> → <c>approval.designer.field_type.date_range</c>).</summary>
internal static partial class ApprovalTexts
{
    public static string Of(FieldType type) => $"approval.designer.field_type.{Snake(type)}";

    public static string Of(ApprovalMode mode) => $"approval.designer.mode.{Snake(mode)}";

    public static string Of(TimeoutAction action) => $"approval.designer.timeout.{Snake(action)}";

    public static string Of(FieldAccess access) => $"approval.designer.access.{Snake(access)}";

    public static string Of(AssigneeKind kind) => $"approval.designer.assignee.{Snake(kind)}";

    public static string Of(ConditionOperator op) => $"approval.designer.operator.{Snake(op)}";

    public static string Of(DefinitionStatus status) => $"approval.designer.status.{Snake(status)}";

    public static string Of(NodeProgress progress) => $"approval.designer.progress.{Snake(progress)}";

    /// <summary>start, end, approval, cc or condition: the same names the stored JSON uses.</summary>
    public static string KindOf(ProcessNode node) => node switch
    {
        StartNode => "start",
        EndNode => "end",
        ApprovalNode => "approval",
        CcNode => "cc",
        _ => "condition",
    };

    public static string NodeKind(ProcessNode node) => $"approval.designer.node.{KindOf(node)}";

    /// <summary>A condition as one line: <c>amount &gt; 1000</c>.</summary>
    public static string Describe(FieldCondition condition, string fieldLabel) => condition.NeedsValue
        ? $"{fieldLabel} {Symbol(condition.Operator)} {ValueText(condition.Value)}"
        : $"{fieldLabel} {Symbol(condition.Operator)}";

    public static string Symbol(ConditionOperator op) => op switch
    {
        ConditionOperator.Equal => "=",
        ConditionOperator.NotEqual => "≠",
        ConditionOperator.Greater => ">",
        ConditionOperator.GreaterOrEqual => "≥",
        ConditionOperator.Less => "<",
        ConditionOperator.LessOrEqual => "≤",
        ConditionOperator.In => "∈",
        ConditionOperator.Contains => "∋",
        ConditionOperator.IsEmpty => "= ∅",
        _ => "≠ ∅",
    };

    /// <summary>What the value box shows: text as typed, arrays comma-separated.</summary>
    public static string ValueText(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => v.GetString() ?? "",
        { ValueKind: JsonValueKind.Array } v => string.Join(", ", v.EnumerateArray().Select(e => ValueText(e))),
        { } v => v.GetRawText(),
    };

    /// <summary>
    /// What the value box means: numbers stay numbers for numeric fields, <see cref="ConditionOperator.In"/> takes a
    /// comma-separated list; empty text is no value.
    /// </summary>
    public static JsonElement? ParseValue(string? text, ConditionOperator op, FieldType? type)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var numeric = type is FieldType.Number or FieldType.Amount or FieldType.User or FieldType.Department;
        object One(string part) => numeric && decimal.TryParse(part, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : part;
        object value = op == ConditionOperator.In
            ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(One).ToArray()
            : One(text.Trim());
        return JsonSerializer.SerializeToElement(value);
    }

    private static string Snake(Enum value) => SnakeBoundary().Replace(value.ToString(), "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex SnakeBoundary();
}
