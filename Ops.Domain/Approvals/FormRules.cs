using System.Text.Json;

namespace Ops.Domain.Approvals;

/// <summary>Checks form data against a form definition: required, types, bounds, lengths, patterns, options, table rows.</summary>
public static class FormRules
{
    /// <summary>What a text field holds when its design sets no limit: the form's inputs stop there and say so.</summary>
    public const int DefaultTextMaxLength = 500;

    public const int DefaultTextAreaMaxLength = 20_000;

    /// <summary>The most characters the field takes: its own limit, never more than the default of its type.</summary>
    public static int MaxTextLength(FormField field)
    {
        var ceiling = field.Type == FieldType.TextArea ? DefaultTextAreaMaxLength : DefaultTextMaxLength;
        return field.Validation?.MaxLength is { } max && max > 0 ? Math.Min(max, ceiling) : ceiling;
    }

    /// <summary>Every problem at once, in field order; unknown keys are problems too.</summary>
    public static IReadOnlyList<FormError> Validate(ApprovalForm form, IReadOnlyDictionary<string, JsonElement> data)
    {
        var errors = new List<FormError>();
        foreach (var key in data.Keys.Where(k => form.Field(k) is null).Order(StringComparer.Ordinal))
        {
            errors.Add(new FormError(key, "approval.form.unknown_field", [key]));
        }

        foreach (var field in form.Ordered)
        {
            JsonElement? value = data.TryGetValue(field.Key, out var found) ? found : null;
            Check(field, value, (code, args) => errors.Add(new FormError(field.Key, code, args)));
            if (field.Type == FieldType.Table && value is { ValueKind: JsonValueKind.Array } rows)
            {
                CheckRows(field, rows, errors);
            }
        }

        return errors;
    }

    private static void CheckRows(FormField table, JsonElement rows, List<FormError> errors)
    {
        var columns = table.Columns ?? [];
        var row = 0;
        foreach (var item in rows.EnumerateArray())
        {
            row++;
            var number = row;
            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var extra in item.EnumerateObject().Where(p => columns.All(c => c.Key != p.Name)))
            {
                errors.Add(new FormError(table.Key, "approval.form.unknown_field", [extra.Name], number, extra.Name));
            }

            foreach (var column in columns.OrderBy(c => c.Order))
            {
                JsonElement? cell = item.TryGetProperty(column.Key, out var found) ? found : null;
                Check(column, cell, (code, args) => errors.Add(new FormError(table.Key, code, args, number, column.Key)));
            }
        }
    }

    private static void Check(FormField field, JsonElement? value, Action<string, object[]> report)
    {
        if (FormValues.IsEmpty(value))
        {
            if (field.Required)
            {
                report("approval.form.required", [field.Label]);
            }

            return;
        }

        var v = value!.Value;
        var valid = field.Type switch
        {
            FieldType.Text or FieldType.TextArea => CheckText(field, v, report),
            FieldType.Number or FieldType.Amount => CheckNumber(field, v, report),
            FieldType.Date => FormValues.TryDate(v, out _),
            FieldType.DateRange => CheckRange(field, v, report),
            FieldType.Select => CheckOption(field, v, report),
            FieldType.MultiSelect => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(o => CheckOption(field, o, report)),
            FieldType.User or FieldType.Department => FormValues.TryIds(v, out _) && field.Multiple == (v.ValueKind == JsonValueKind.Array),
            FieldType.Attachment => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(FormValues.IsFileReference),
            FieldType.Table => v.ValueKind == JsonValueKind.Array && v.EnumerateArray().All(r => r.ValueKind == JsonValueKind.Object),
            _ => false,
        };
        if (!valid)
        {
            report("approval.form.invalid_type", [field.Label]);
            return;
        }

        if (field.IsList)
        {
            CheckCount(field, v, report);
        }
    }

    private static bool CheckText(FormField field, JsonElement value, Action<string, object[]> report)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString()!.Trim();
        var rules = field.Validation;
        if (rules?.MinLength is { } min && text.Length < min)
        {
            report("approval.form.too_short", [field.Label, min]);
        }

        if (text.Length > MaxTextLength(field))
        {
            report("approval.form.too_long", [field.Label, MaxTextLength(field)]);
        }

        if (rules?.Pattern is { Length: > 0 } pattern && !FormValues.Matches(text, pattern))
        {
            report("approval.form.pattern", [field.Label]);
        }

        return true;
    }

    private static bool CheckNumber(FormField field, JsonElement value, Action<string, object[]> report)
    {
        if (!FormValues.TryNumber(value, out var number))
        {
            return false;
        }

        if (field.Type == FieldType.Amount && number != Math.Round(number, 2))
        {
            report("approval.form.amount_scale", [field.Label, 2]);
        }

        if (field.Validation?.Min is { } min && number < min)
        {
            report("approval.form.below_min", [field.Label, min]);
        }

        if (field.Validation?.Max is { } max && number > max)
        {
            report("approval.form.above_max", [field.Label, max]);
        }

        return true;
    }

    private static bool CheckRange(FormField field, JsonElement value, Action<string, object[]> report)
    {
        if (value.ValueKind != JsonValueKind.Object
            || !value.TryGetProperty("start", out var start) || !FormValues.TryDate(start, out var from)
            || !value.TryGetProperty("end", out var end) || !FormValues.TryDate(end, out var to))
        {
            return false;
        }

        if (to < from)
        {
            report("approval.form.range_order", [field.Label]);
        }

        return true;
    }

    private static bool CheckOption(FormField field, JsonElement value, Action<string, object[]> report)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return false;
        }

        var text = value.GetString()!;
        if ((field.Options ?? []).All(o => o.Value != text))
        {
            report("approval.form.not_an_option", [field.Label, text]);
        }

        return true;
    }

    private static void CheckCount(FormField field, JsonElement value, Action<string, object[]> report)
    {
        var count = value.GetArrayLength();
        if (field.Type == FieldType.MultiSelect && value.EnumerateArray().Select(FormValues.Text).Distinct().Count() < count)
        {
            report("approval.form.duplicate", [field.Label]);
        }

        if (field.Validation?.Min is { } min && count < min)
        {
            report("approval.form.too_few", [field.Label, min]);
        }

        if (field.Validation?.Max is { } max && count > max)
        {
            report("approval.form.too_many", [field.Label, max]);
        }
    }
}
