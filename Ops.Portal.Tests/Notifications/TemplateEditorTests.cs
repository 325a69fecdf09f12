using Bunit;
using MudBlazor;
using Ops.Domain.Notifications;
using Ops.Portal.Common;
using Ops.Portal.Components.Pages.Notifications.Components;
using Ops.Portal.Tests.Shared;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The template dialog shows a refused template on the field it is about, not in a toast.</summary>
public sealed class TemplateEditorTests : PortalTestContext
{
    private readonly List<TemplateInput> _saved = [];

    public TemplateEditorTests()
    {
        Services.AddSingleton(Stub<ITemplateService>.Create(
            ("CreateAsync", args => Task.FromResult(Create((TemplateInput)args[0]!))),
            ("Preview", _ => Result.Success(new RenderedMessage(null, "preview")))));
        Services.AddScoped<UiErrorHandler>();
    }

    // What the service answers: its own checks (TemplateRules), a record only when they pass.
    private Result<long> Create(TemplateInput input)
    {
        var checks = TemplateRules.Validate(input);
        if (checks.IsFailure)
        {
            return checks.Error!;
        }

        _saved.Add(input);
        return 9L;
    }

    [Fact]
    public void AnUndeclaredVariable_ShowsOnTheContentField_AndInTheSummary_AndNothingIsSaved()
    {
        var provider = Open();
        provider.Find("#template-code").Change("welcome");
        provider.Find("#template-name").Change("Welcome");
        provider.Find("#template-subject").Input("Hello");
        provider.Find("#template-content").Input("Dear ${customer}");

        provider.Find("#template-save").Click();

        var expected = Services.GetRequiredService<UiErrorHandler>().Describe("message.template.undeclared_variables", ["customer"]);
        provider.WaitForAssertion(() => Assert.Equal(expected, FormDialogs.FieldError(provider, "template-content")), FormDialogs.Wait);
        Assert.Contains(expected, FormDialogs.Summary(provider), StringComparison.Ordinal);
        Assert.Null(FormDialogs.FieldError(provider, "template-code"));
        Assert.Empty(_saved);
    }

    private IRenderedComponent<MudDialogProvider> Open()
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<TemplateEditor>("template", new DialogParameters<TemplateEditor> { { d => d.TemplateId, null } }));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("#template-code")), FormDialogs.Wait);
        return provider;
    }
}
