using Ops.Domain.Approvals;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>New fields of the form designer: a free key and the type's starting settings.</summary>
internal static class FormFieldFactory
{
    /// <summary>The first free key <c>prefix_1</c>, <c>prefix_2</c>, …</summary>
    public static string NewKey(string prefix, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, used.Count + 1).Select(i => $"{prefix}_{i}").First(k => !used.Contains(k));
    }

    /// <summary>
    /// A field of <paramref name="type"/>; selects start with one option and tables with one text column, so a new field
    /// is valid at once and the designer only renames.
    /// </summary>
    public static FormField Create(FieldType type, string key, string label, int order, string optionLabel = "1", string columnLabel = "1") =>
        new(key, label, type, Order: order)
        {
            Options = type is FieldType.Select or FieldType.MultiSelect ? [new FieldOption("option1", optionLabel)] : null,
            Columns = type == FieldType.Table ? [new FormField("col_1", columnLabel, FieldType.Text)] : null,
        };

    /// <summary>The fields in display order, numbered 0, 1, … again.</summary>
    public static IReadOnlyList<FormField> Renumber(IEnumerable<FormField> ordered) => ordered.Select((f, i) => f with { Order = i }).ToList();
}
