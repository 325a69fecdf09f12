using System.Text.Json;
using Ops.Domain.Approvals;

namespace Ops.Domain.Tests.Approvals;

/// <summary>Submitted form data is checked per field type, with localizable codes naming the field's label.</summary>
public sealed class FormRulesTests
{
    private static FormField FieldFor(FieldType type) => type switch
    {
        FieldType.Text => new("f", "Name", type, Validation: new(MinLength: 2, MaxLength: 5, Pattern: "^[a-z]+$")),
        FieldType.TextArea => new("f", "Notes", type, Validation: new(MaxLength: 10)),
        FieldType.Number => new("f", "Days", type, Validation: new(Min: 1, Max: 100)),
        FieldType.Amount => new("f", "Amount", type, Validation: new(Min: 0, Max: 1000)),
        FieldType.Select or FieldType.MultiSelect => new("f", "Kind", type, Validation: new(Max: 2), Options: [new("a", "A"), new("b", "B"), new("c", "C")]),
        FieldType.Department => new("f", "Teams", type, Validation: new(Max: 2), Multiple: true),
        FieldType.Attachment => new("f", "Files", type, Validation: new(Max: 2)),
        FieldType.Table => new("f", "Items", type, Required: true, Columns: [new("item", "Item", FieldType.Text, Required: true), new("price", "Price", FieldType.Amount)]),
        _ => new("f", "Field", type),
    };

    [Theory]
    [InlineData(FieldType.Text, "\"abc\"", null)]
    [InlineData(FieldType.Text, "\"  \"", null)]
    [InlineData(FieldType.Text, "\"a\"", "approval.form.too_short")]
    [InlineData(FieldType.Text, "\"abcdef\"", "approval.form.too_long")]
    [InlineData(FieldType.Text, "\"ab1\"", "approval.form.pattern")]
    [InlineData(FieldType.Text, "12", "approval.form.invalid_type")]
    [InlineData(FieldType.TextArea, "\"one\\ntwo\"", null)]
    [InlineData(FieldType.TextArea, "\"one two three\"", "approval.form.too_long")]
    [InlineData(FieldType.Number, "50", null)]
    [InlineData(FieldType.Number, "\"50\"", null)]
    [InlineData(FieldType.Number, "0", "approval.form.below_min")]
    [InlineData(FieldType.Number, "101", "approval.form.above_max")]
    [InlineData(FieldType.Number, "true", "approval.form.invalid_type")]
    [InlineData(FieldType.Amount, "10.25", null)]
    [InlineData(FieldType.Amount, "\"99.90\"", null)]
    [InlineData(FieldType.Amount, "10.255", "approval.form.amount_scale")]
    [InlineData(FieldType.Amount, "-1", "approval.form.below_min")]
    [InlineData(FieldType.Amount, "\"ten\"", "approval.form.invalid_type")]
    [InlineData(FieldType.Date, "\"2026-03-02\"", null)]
    [InlineData(FieldType.Date, "\"2026-13-01\"", "approval.form.invalid_type")]
    [InlineData(FieldType.Date, "\"03/02/2026\"", "approval.form.invalid_type")]
    [InlineData(FieldType.DateRange, "{\"start\":\"2026-03-02\",\"end\":\"2026-03-04\"}", null)]
    [InlineData(FieldType.DateRange, "{\"start\":\"2026-03-04\",\"end\":\"2026-03-02\"}", "approval.form.range_order")]
    [InlineData(FieldType.DateRange, "{\"start\":\"2026-03-02\"}", "approval.form.invalid_type")]
    [InlineData(FieldType.DateRange, "\"2026-03-02\"", "approval.form.invalid_type")]
    [InlineData(FieldType.Select, "\"a\"", null)]
    [InlineData(FieldType.Select, "\"z\"", "approval.form.not_an_option")]
    [InlineData(FieldType.Select, "1", "approval.form.invalid_type")]
    [InlineData(FieldType.MultiSelect, "[\"a\",\"b\"]", null)]
    [InlineData(FieldType.MultiSelect, "[\"a\",\"a\"]", "approval.form.duplicate")]
    [InlineData(FieldType.MultiSelect, "[\"a\",\"b\",\"c\"]", "approval.form.too_many")]
    [InlineData(FieldType.MultiSelect, "[\"z\"]", "approval.form.not_an_option")]
    [InlineData(FieldType.MultiSelect, "\"a\"", "approval.form.invalid_type")]
    [InlineData(FieldType.User, "5", null)]
    [InlineData(FieldType.User, "[5]", "approval.form.invalid_type")]
    [InlineData(FieldType.User, "\"5\"", "approval.form.invalid_type")]
    [InlineData(FieldType.User, "0", "approval.form.invalid_type")]
    [InlineData(FieldType.Department, "[1,2]", null)]
    [InlineData(FieldType.Department, "[1,2,3]", "approval.form.too_many")]
    [InlineData(FieldType.Department, "1", "approval.form.invalid_type")]
    [InlineData(FieldType.Attachment, "[\"f1\"]", null)]
    [InlineData(FieldType.Attachment, "[{\"id\":\"f1\",\"name\":\"quote.pdf\"}]", null)]
    [InlineData(FieldType.Attachment, "[{\"name\":\"quote.pdf\"}]", "approval.form.invalid_type")]
    [InlineData(FieldType.Attachment, "[\"a\",\"b\",\"c\"]", "approval.form.too_many")]
    [InlineData(FieldType.Attachment, "\"f1\"", "approval.form.invalid_type")]
    [InlineData(FieldType.Table, "[{\"item\":\"pen\",\"price\":2.5}]", null)]
    [InlineData(FieldType.Table, "[]", "approval.form.required")]
    [InlineData(FieldType.Table, "[{\"price\":2}]", "approval.form.required")]
    [InlineData(FieldType.Table, "[{\"item\":\"pen\",\"colour\":\"red\"}]", "approval.form.unknown_field")]
    [InlineData(FieldType.Table, "[1]", "approval.form.invalid_type")]
    public void EachFieldType_ChecksItsValue(FieldType type, string json, string? code)
    {
        var errors = FormRules.Validate(new ApprovalForm([FieldFor(type)]), new Dictionary<string, JsonElement> { ["f"] = Parse(json) });

        Assert.Equal(code is null ? [] : [code], errors.Select(e => e.Code));
    }

    [Theory]
    [InlineData(FieldType.Text)]
    [InlineData(FieldType.Amount)]
    [InlineData(FieldType.DateRange)]
    [InlineData(FieldType.MultiSelect)]
    [InlineData(FieldType.User)]
    [InlineData(FieldType.Attachment)]
    public void ARequiredField_ThatIsMissingOrBlank_NamesItsLabel(FieldType type)
    {
        var form = new ApprovalForm([new FormField("f", "The label", type, Required: true, Options: [new("a", "A")])]);

        foreach (var data in new[] { new Dictionary<string, JsonElement>(), new() { ["f"] = Parse("null") }, new() { ["f"] = Parse("\"\"") } })
        {
            var error = Assert.Single(FormRules.Validate(form, data));
            Assert.Equal(("f", "approval.form.required", "The label"), (error.Path, error.Code, error.Args[0]));
            Assert.Equal("approval.form.required(The label)", error.ToError().ToString());
        }
    }

    [Fact]
    public void TextFieldsWithoutALimit_StopAtTheirTypesDefault_AndALimitAboveItIsCappedToIt()
    {
        FormField text = new("t", "Title", FieldType.Text);
        FormField area = new("a", "Reason", FieldType.TextArea, Validation: new(MaxLength: 1_000_000));
        string Json(int length) => JsonSerializer.Serialize(new string('字', length));

        Assert.Equal((FormRules.DefaultTextMaxLength, FormRules.DefaultTextAreaMaxLength), (FormRules.MaxTextLength(text), FormRules.MaxTextLength(area)));
        Assert.Empty(FormRules.Validate(new ApprovalForm([text, area]), new Dictionary<string, JsonElement>
        {
            ["t"] = Parse(Json(FormRules.DefaultTextMaxLength)), ["a"] = Parse(Json(FormRules.DefaultTextAreaMaxLength)),
        }));
        var errors = FormRules.Validate(new ApprovalForm([text, area]), new Dictionary<string, JsonElement>
        {
            ["t"] = Parse(Json(FormRules.DefaultTextMaxLength + 1)), ["a"] = Parse(Json(FormRules.DefaultTextAreaMaxLength + 1)),
        });
        Assert.Equal(["approval.form.too_long", "approval.form.too_long"], errors.Select(e => e.Code));
    }

    [Fact]
    public void ATableCell_IsNamedByRowAndColumn()
    {
        var form = new ApprovalForm([FieldFor(FieldType.Table)]);

        var errors = FormRules.Validate(form, new Dictionary<string, JsonElement> { ["f"] = Parse("[{\"item\":\"pen\"},{\"item\":\"\",\"price\":1.001}]") });

        Assert.Equal(["f[2].item", "f[2].price"], errors.Select(e => e.Path));
        Assert.Equal(["Item", "Price"], errors.Select(e => e.Args[0]));
    }

    [Fact]
    public void UnknownFields_AreRefused_AndAllProblemsComeAtOnce_InFieldOrder()
    {
        var form = new ApprovalForm([new("b", "B", FieldType.Number, Required: true, Order: 2), new("a", "A", FieldType.Text, Required: true, Order: 1)]);

        var errors = FormRules.Validate(form, new Dictionary<string, JsonElement> { ["zz"] = Parse("1") });

        Assert.Equal(["zz", "a", "b"], errors.Select(e => e.Path));
        Assert.Equal("approval.form.unknown_field", errors[0].Code);
    }

    [Fact]
    public void ASlowPattern_FailsTheValue_InsteadOfHanging()
    {
        var form = new ApprovalForm([new("f", "F", FieldType.Text, Validation: new(Pattern: "^(a+)+$"))]);

        var errors = FormRules.Validate(form, new Dictionary<string, JsonElement> { ["f"] = FormValues.Of(new string('a', 40) + "!") });

        Assert.Equal("approval.form.pattern", Assert.Single(errors).Code);
    }

    public static TheoryData<FormField, string> BadFields => new()
    {
        { new FormField("1st", "First", FieldType.Text), "approval.form_design.key_invalid" },
        { new FormField("name", " ", FieldType.Text), "approval.form_design.label_invalid" },
        { new FormField("kind", "Kind", FieldType.Select), "approval.form_design.options_missing" },
        { new FormField("kind", "Kind", FieldType.MultiSelect, Options: [new("a", "A"), new("a", "A again")]), "approval.form_design.options_invalid" },
        { new FormField("items", "Items", FieldType.Table), "approval.form_design.columns_missing" },
        { new FormField("items", "Items", FieldType.Table, Columns: [new("sub", "Sub", FieldType.Table, Columns: [new("x", "X", FieldType.Text)])]), "approval.form_design.nested_table" },
        { new FormField("code", "Code", FieldType.Text, Validation: new(Pattern: "([a-z")), "approval.form_design.pattern_invalid" },
        { new FormField("days", "Days", FieldType.Number, Validation: new(Min: 5, Max: 1)), "approval.form_design.bounds_invalid" },
        { new FormField("name", "Name", FieldType.Text, Validation: new(MinLength: 5, MaxLength: 1)), "approval.form_design.bounds_invalid" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void DesignedFields_AreChecked_BeforePublishing(FormField field, string code)
    {
        var problem = Assert.Single(FormDesignRules.Validate(new ApprovalForm([field])));

        Assert.Equal(code, problem.Code);
        Assert.Contains(problem.Keys.Single(), (string[])[field.Key, .. (field.Columns ?? []).Select(c => c.Key)]);
    }

    [Fact]
    public void DuplicateKeys_AreNamed_AndAGoodFormHasNoProblems()
    {
        Assert.Equal("approval.form_design.duplicate_key", Assert.Single(FormDesignRules.Validate(new ApprovalForm([new("a", "A", FieldType.Text), new("a", "B", FieldType.Date)]))).Code);
        Assert.Empty(FormDesignRules.Validate(ApprovalFixture.Form));
    }

    private static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
