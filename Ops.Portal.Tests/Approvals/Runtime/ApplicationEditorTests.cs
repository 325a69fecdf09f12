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
}
