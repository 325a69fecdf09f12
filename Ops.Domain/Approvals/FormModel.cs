using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

public enum FieldType
{
    /// <summary>A string.</summary>
    Text,

    /// <summary>A multi-line string.</summary>
    TextArea,

    /// <summary>A number (JSON number or numeric string).</summary>
    Number,

    /// <summary>A money amount: a number with at most two decimals.</summary>
    Amount,

    /// <summary>A <c>yyyy-MM-dd</c> string.</summary>
    Date,

    /// <summary>An object <c>{"start":"yyyy-MM-dd","end":"yyyy-MM-dd"}</c> with end not before start.</summary>
    DateRange,

    /// <summary>One option value (string).</summary>
    Select,

    /// <summary>An array of distinct option values.</summary>
    MultiSelect,

    /// <summary>A user id, or an array of user ids when <see cref="FormField.Multiple"/>.</summary>
    User,

    /// <summary>A department id, or an array of them when <see cref="FormField.Multiple"/>.</summary>
    Department,

    /// <summary>An array of file references: strings or objects with a string <c>id</c>.</summary>
    Attachment,

    /// <summary>An array of row objects, each checked against <see cref="FormField.Columns"/>.</summary>
    Table,
}

/// <summary>A choice of a select field: the stored value and the label shown.</summary>
public sealed record FieldOption(string Value, string Label);

/// <summary>
/// Checks of a field. <see cref="Min"/>/<see cref="Max"/> bound the value of numbers and amounts and
/// the item count of multi-selects, multiple pickers, attachments and tables; the lengths and the
/// pattern apply to text.
/// </summary>
public sealed record FieldValidation(
    decimal? Min = null,
    decimal? Max = null,
    int? MinLength = null,
    int? MaxLength = null,
    string? Pattern = null);

/// <summary>A field of an approval form. <see cref="Key"/> names its value in the form data.</summary>
public sealed record FormField(
    string Key,
    string Label,
    FieldType Type,
    bool Required = false,
    int Order = 0,
    FieldValidation? Validation = null,
    IReadOnlyList<FieldOption>? Options = null,
    IReadOnlyList<FormField>? Columns = null,
    bool Multiple = false)
{
    /// <summary>Whether the value is a list whose length <see cref="FieldValidation.Min"/>/<see cref="FieldValidation.Max"/> bound.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsList => Type is FieldType.MultiSelect or FieldType.Attachment or FieldType.Table
        || (Multiple && Type is FieldType.User or FieldType.Department);
}

/// <summary>The form of a definition version; fields render in <see cref="FormField.Order"/>.</summary>
public sealed record ApprovalForm(IReadOnlyList<FormField> Fields)
{
    public static readonly ApprovalForm Empty = new([]);

    /// <summary>The fields in display order (derived: not stored with the form).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<FormField> Ordered => Fields.OrderBy(f => f.Order);

    public FormField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);
}

/// <summary>
/// One problem of submitted form data. <see cref="Code"/> is a localizable key (<c>approval.form.required</c>);
/// the first of <see cref="Args"/> is the field's (or column's) label. Cells of a table carry the 1-based row and the column key.
/// </summary>
public sealed record FormError(string Field, string Code, IReadOnlyList<object> Args, int? Row = null, string? Column = null)
{
    /// <summary>Where to mark the error: <c>amount</c>, or <c>items[2].price</c> for a cell.</summary>
    public string Path => Row is null ? Field : $"{Field}[{Row}].{Column}";

    /// <summary>The error as a service returns it, naming where it sits (<see cref="KeyOf"/>) so a page marks that field.</summary>
    public Error ToError() => Error.Invalid(Code, [.. Args]).On(KeyOf(Path));

    /// <summary>
    /// How a refused value of a designer-defined form is named in <see cref="Error.Field"/>: <c>form:amount</c>, or
    /// <c>form:items[2].price</c> for a cell. The prefix keeps these apart from the resource keys of fixed fields.
    /// </summary>
    public static string KeyOf(string path) => FieldPrefix + path;

    public const string FieldPrefix = "form:";
}
