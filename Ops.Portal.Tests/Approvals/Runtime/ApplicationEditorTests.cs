using Bunit;
using Ops.Domain.Approvals;
using Ops.Portal.Components.Pages.Approvals.Components;

namespace Ops.Portal.Tests.Approvals.Runtime;

public sealed class ApplicationEditorTests : ApprovalPageTestContext
{
    [Fact]
    public async Task ADoubleClickOnSubmit_StartsOneApplication_WithTheFormsKey()
    {
        Approvals.StartGate = new TaskCompletionSource<Result<long>>();
        var editor = Render<ApplicationEditor>(p => p
            .Add(e => e.Form, ApprovalForm.Empty)
            .Add(e => e.DefinitionCode, "leave")
            .Add(e => e.Title, "Holiday"));

        var submit = editor.Find("#apply-submit");
        var first = submit.ClickAsync(new());
        var second = submit.ClickAsync(new());
        Approvals.StartGate.SetResult(7L);
        await Task.WhenAll(first, second);

        var start = Assert.Single(Approvals.Starts);
        Assert.False(string.IsNullOrEmpty(start.IdempotencyKey));
    }

    [Fact]
    public void AValueTheServerRefuses_IsShownOnItsFormField_AndInTheSummary()
    {
        var form = new ApprovalForm([new FormField("days", "Days", FieldType.Number, Order: 1), new FormField("reason", "Reason", FieldType.Text, Order: 2)]);
        Approvals.StartGate = new TaskCompletionSource<Result<long>>();
        Approvals.StartGate.SetResult(Error.Invalid("approval.form.too_long", "Days", 30).On(FormError.KeyOf("days")));
        var editor = Render<ApplicationEditor>(p => p
            .Add(e => e.Form, form)
            .Add(e => e.DefinitionCode, "leave")
            .Add(e => e.Title, "Holiday"));

        editor.Find("#apply-submit").Click();

        var onField = editor.WaitForElement("[data-field=days] [data-refused=days]");
        Assert.False(string.IsNullOrWhiteSpace(onField.TextContent));
        Assert.Empty(editor.FindAll("[data-field=reason] [data-refused]"));
        Assert.Contains(onField.TextContent, editor.Find("#apply-errors").TextContent);
    }
}
