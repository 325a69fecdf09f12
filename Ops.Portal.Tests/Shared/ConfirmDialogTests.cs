using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Shared;

public sealed class ConfirmDialogTests : PortalTestContext
{
    [Theory]
    [InlineData("#confirm-ok", true)]
    [InlineData("#confirm-cancel", false)]
    public async Task ShowAsync_IsTrueOnlyWhenConfirmed(string button, bool expected)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => ConfirmDialog.ShowAsync(dialogs, "Delete job", "Delete job 'nightly-backup'?"));
        provider.WaitForAssertion(() => Assert.Contains("nightly-backup", provider.Markup, StringComparison.Ordinal));
        provider.Find(button).Click();

        Assert.Equal(expected, await answer);
    }
}
