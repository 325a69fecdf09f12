using System.Text.RegularExpressions;

namespace Ops.Domain.Approvals;

/// <summary>Checks a designed form before publishing: keys, labels, options, table columns, patterns and bounds.</summary>
public static partial class FormDesignRules
{
    public const int KeyMaxLength = 64;
    public const int LabelMaxLength = 100;

    public static IReadOnlyList<ApprovalProblem> Validate(ApprovalForm form)
    {
        var problems = new List<ApprovalProblem>();
        CheckFields(form.Fields, problems, nested: false);
        return problems;
    }

    private static void CheckFields(IReadOnlyList<FormField> fields, List<ApprovalProblem> problems, bool nested)
    {
        foreach (var duplicate in fields.GroupBy(f => f.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new ApprovalProblem("approval.form_design.duplicate_key", [duplicate.Key], duplicate.Key));
        }

        foreach (var field in fields)
        {
            CheckField(field, problems, nested);
        }
    }

    private static void CheckField(FormField field, List<ApprovalProblem> problems, bool nested)
    {
        void Add(string code, params object[] args) => problems.Add(new ApprovalProblem($"approval.form_design.{code}", [field.Key], [field.Key, .. args]));

        if (field.Key.Length > KeyMaxLength || !KeyPattern().IsMatch(field.Key))
        {
            Add("key_invalid");
        }

        if (string.IsNullOrWhiteSpace(field.Label) || field.Label.Length > LabelMaxLength)
        {
            Add("label_invalid", LabelMaxLength);
        }

        if (field.Type is FieldType.Select or FieldType.MultiSelect)
        {
            var options = field.Options ?? [];
            if (options.Count == 0)
            {
                Add("options_missing");
            }
            else if (options.Select(o => o.Value).Distinct(StringComparer.Ordinal).Count() < options.Count || options.Any(o => string.IsNullOrEmpty(o.Value)))
            {
                Add("options_invalid");
            }
        }

        if (field.Type == FieldType.Table)
        {
            if (nested)
            {
                Add("nested_table");
            }
            else if ((field.Columns ?? []).Count == 0)
            {
                Add("columns_missing");
            }
            else
            {
                CheckFields(field.Columns!, problems, nested: true);
            }
        }

        if (field.Validation is { } rules)
        {
            if (rules.Pattern is { Length: > 0 } pattern && !IsRegex(pattern))
            {
                Add("pattern_invalid");
            }

            if (rules is { Min: { } min, Max: { } max } && min > max
                || rules is { MinLength: { } shortest, MaxLength: { } longest } && shortest > longest
                || rules.MinLength < 0 || rules.MaxLength < 0)
            {
                Add("bounds_invalid");
            }
        }
    }

    private static bool IsRegex(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.None, FormValues.PatternTimeout);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex KeyPattern();
}
