using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Shared;

public sealed class UnsavedChangesGuardTests : PortalTestContext
{
    [Fact]
    public void ADirtyEditor_HoldsInternalNavigation_UntilTheUserConfirmsLeaving()
    {
        var provider = Render<MudDialogProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        Render<UnsavedChangesGuard>(p => p.Add(g => g.IsDirty, () => true));

        provider.InvokeAsync(() => navigation.NavigateTo("/scheduler/jobs"));

        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#confirm-ok")));
        Assert.DoesNotContain("/scheduler/jobs", navigation.Uri, StringComparison.Ordinal);
        provider.Find("#confirm-ok").Click();
        // The navigation completes without a render of the provider, so bUnit's render-driven waits would not look again;
        // and the history entry of the held navigation can read as done before the address changes, so wait on the address.
        Assert.True(SpinWait.SpinUntil(() => navigation.Uri.EndsWith("/scheduler/jobs", StringComparison.Ordinal), TimeSpan.FromSeconds(10)),
            $"still at {navigation.Uri}");
    }

    [Fact]
    public void ADirtyEditor_StaysWhenTheUserCancels()
    {
        var provider = Render<MudDialogProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        var start = navigation.Uri;
        Render<UnsavedChangesGuard>(p => p.Add(g => g.IsDirty, () => true));

        provider.InvokeAsync(() => navigation.NavigateTo("/scheduler/jobs"));
        provider.WaitForAssertion(() => Assert.NotNull(provider.Find("#confirm-cancel")));
        provider.Find("#confirm-cancel").Click();

        provider.WaitForAssertion(() => Assert.Empty(provider.FindAll("#confirm-cancel")));
        Assert.Equal(start, navigation.Uri);
    }

    [Fact]
    public void ACleanEditor_LetsNavigationThrough_WithoutAsking()
    {
        var provider = Render<MudDialogProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        Render<UnsavedChangesGuard>(p => p.Add(g => g.IsDirty, () => false));

        provider.InvokeAsync(() => navigation.NavigateTo("/scheduler/jobs"));

        Assert.EndsWith("/scheduler/jobs", navigation.Uri, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll("#confirm-ok"));
    }

    [Fact]
    public void ADirtyEditor_MovesBetweenItsOwnTabs_WithoutAsking()
    {
        var provider = Render<MudDialogProvider>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/workflow/definitions/5?tab=form");
        Render<UnsavedChangesGuard>(p => p.Add(g => g.IsDirty, () => true));

        provider.InvokeAsync(() => navigation.NavigateTo("/workflow/definitions/5?tab=process"));

        Assert.EndsWith("?tab=process", navigation.Uri, StringComparison.Ordinal);
        Assert.Empty(provider.FindAll("#confirm-ok"));
    }
}
