using System.Text.Json;
using Bunit;
using Ops.Domain.Approvals;
using Ops.Portal.Components.Pages.Approvals.Components;

namespace Ops.Portal.Tests.Approvals.Runtime;

public sealed class ApprovalFormViewTests : ApprovalPageTestContext
{
    private static readonly FieldOption[] Colours = [new("red", "Red"), new("green", "Green"), new("blue", "Blue")];

    private static readonly ApprovalForm Form = new(
    [
        new FormField("qty", "Quantity", FieldType.Number, Required: true, Order: 1),
        new FormField("price", "Price", FieldType.Amount, Order: 2),
        new FormField("period", "Period", FieldType.DateRange, Order: 3),
        new FormField("colours", "Colours", FieldType.MultiSelect, Order: 4, Options: Colours),
        new FormField("items", "Items", FieldType.Table, Order: 5, Columns:
        [
            new FormField("name", "Name", FieldType.Text, Required: true, Order: 1),
            new FormField("count", "Count", FieldType.Number, Order: 2),
        ]),
        new FormField("note", "Note", FieldType.Text, Order: 6),
        new FormField("secret", "Secret", FieldType.Text, Order: 7),
        new FormField("when", "Day", FieldType.Date, Order: 8),
    ]);

    private readonly Dictionary<string, JsonElement> _values = new(StringComparer.Ordinal);

    private IRenderedComponent<ApprovalFormView> RenderForm(Func<string, FieldAccess>? access = null, IReadOnlyList<FormError>? errors = null) =>
        Render<ApprovalFormView>(p => p
            .Add(f => f.Form, Form)
            .Add(f => f.Values, _values)
            .Add(f => f.Access, access)
            .Add(f => f.Errors, errors));

    [Fact]
    public void AnAttachment_IsUploadedToTheFileStore_AndKeptAsIdNameAndSize()
    {
        var form = Render<ApprovalFormView>(p => p
            .Add(f => f.Form, new ApprovalForm([new FormField("files", "Quote", FieldType.Attachment)]))
            .Add(f => f.Values, _values));

        form.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(InputFileContent.CreateFromText("42 servers", "quote.txt"));

        form.WaitForAssertion(() => Assert.True(_values.ContainsKey("files")));
        var stored = Assert.Single(_values["files"].EnumerateArray());
        Assert.Equal(("quote.txt", 10L), (stored.GetProperty("name").GetString(), stored.GetProperty("size").GetInt64()));
        Assert.Equal(32, stored.GetProperty("id").GetString()!.Length);
        Assert.Equal("42 servers", System.Text.Encoding.UTF8.GetString(Assert.Single(Files.Uploaded).Content));
        Assert.Contains("/api/v1/workflow/files/", form.Find("[data-field=files] a, [data-file='0']").OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void NumberAndAmount_AreWrittenAsJsonNumbers_AmountsRoundedToCents()
    {
        var form = RenderForm();

        form.Find("[data-field=qty] input").Change("12");
        form.Find("[data-field=price] input").Change("12.345");

        Assert.Equal(JsonValueKind.Number, _values["qty"].ValueKind);
        Assert.Equal(12m, _values["qty"].GetDecimal());
        Assert.Equal(JsonValueKind.Number, _values["price"].ValueKind);
        Assert.Equal(12.35m, _values["price"].GetDecimal());
    }

    [Fact]
    public void DateAndDateRange_AreWrittenAsIsoStrings_TheRangeAsStartEndObject()
    {
        var form = RenderForm();

        form.Find("[data-field=when] input").Change("2026-03-09");
        form.FindAll("[data-field=period] input")[0].Change("2026-03-01");
        form.FindAll("[data-field=period] input")[1].Change("2026-03-05");

        Assert.Equal("2026-03-09", _values["when"].GetString());
        Assert.Equal("""{"start":"2026-03-01","end":"2026-03-05"}""", _values["period"].GetRawText());
        Assert.DoesNotContain(FormRules.Validate(Form, _values), e => e.Field is "when" or "period");
    }

    [Fact]
    public void MultiSelect_WritesAnArrayInOptionOrder_AndRemovesTheKeyWhenEmpty()
    {
        var form = RenderForm();

        form.Find("[data-field=colours] [data-option=blue] input").Change(true);
        form.Find("[data-field=colours] [data-option=red] input").Change(true);
        Assert.Equal("""["red","blue"]""", _values["colours"].GetRawText());

        form.Find("[data-field=colours] [data-option=red] input").Change(false);
        form.Find("[data-field=colours] [data-option=blue] input").Change(false);
        Assert.False(_values.ContainsKey("colours"));
    }

    [Fact]
    public void Table_AddsRows_WritesCellsAsRowObjects_AndRemovesRows()
    {
        var form = RenderForm();

        form.Find("[data-add-row=items]").Click();
        Assert.Equal("[{}]", _values["items"].GetRawText());

        form.Find("[data-field=items] tr[data-row='1'] td[data-cell=name] input").Change("Pen");
        form.Find("[data-field=items] tr[data-row='1'] td[data-cell=count] input").Change("3");
        form.Find("[data-add-row=items]").Click();
        form.Find("[data-field=items] tr[data-row='2'] td[data-cell=name] input").Change("Ink");
        Assert.Equal("""[{"name":"Pen","count":3},{"name":"Ink"}]""", _values["items"].GetRawText());

        form.Find("[data-remove-row='1']").Click();
        Assert.Equal("""[{"name":"Ink"}]""", _values["items"].GetRawText());
    }

    [Fact]
    public void HiddenFields_AreNotRendered_ReadFieldsAreReadOnly()
    {
        _values["note"] = FormValues.Of("from the applicant");
        _values["secret"] = FormValues.Of("salary");

        var form = RenderForm(key => key switch
        {
            "secret" => FieldAccess.Hidden,
            "note" => FieldAccess.Read,
            _ => FieldAccess.Edit,
        });

        Assert.Empty(form.FindAll("[data-field=secret]"));
        Assert.DoesNotContain("salary", form.Markup, StringComparison.Ordinal);
        var note = form.Find("[data-field=note] input");
        Assert.True(note.HasAttribute("readonly"));
        Assert.Equal("from the applicant", note.GetAttribute("value"));
        Assert.False(form.Find("[data-field=qty] input").HasAttribute("readonly"));
        Assert.Equal("read", form.Find("[data-field=note]").GetAttribute("data-access"));
    }

    [Fact]
    public void Errors_ShowLocalizedUnderTheirFieldAndCell()
    {
        _values["items"] = FormValues.Of(new[] { new Dictionary<string, object>() });
        var errors = FormRules.Validate(Form, _values);

        var form = RenderForm(errors: errors);

        Assert.Equal("Quantity is required.", form.Find("[data-field=qty] [data-error=qty]").TextContent);
        Assert.Equal("Name is required.", form.Find("tr[data-row='1'] td[data-cell=name] [data-error='items[1].name']").TextContent);
        Assert.Empty(form.FindAll("[data-field=price] [data-error]"));
    }
}
