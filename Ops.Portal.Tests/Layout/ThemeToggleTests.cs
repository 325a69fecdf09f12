using Bunit;
using MudBlazor;
using Ops.Portal.Components.Layout;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The light/dark switch is markup in MudIconButton's classes (issue 17: BusyButton, MudIconButton and MudIcon were
/// three components in every circuit), named in the viewer's language, and a second click while the first is being
/// saved does nothing.
/// </summary>
public sealed class ThemeToggleTests : PortalTestContext
{
    [Fact]
    public void DrawsAButtonWithoutComponents_NamedForTheModeItSwitchesTo()
    {
        var toggle = Render<ThemeToggle>(p => p.Add(x => x.IsDark, false));

        Assert.Empty(toggle.FindComponents<MudIconButton>());
        Assert.Empty(toggle.FindComponents<BusyButton>());
        Assert.Equal("Dark theme", toggle.Find("#theme-toggle").GetAttribute("aria-label"));
        Assert.Equal("Dark theme", toggle.Find("#theme-toggle").GetAttribute("title"));
        Assert.NotNull(toggle.Find("#theme-toggle svg"));
    }

    [Fact]
    public void ADoubleClick_WhileTheFirstIsSaving_SwitchesOnce()
    {
        var saving = new TaskCompletionSource();
        var calls = new List<bool>();
        var toggle = Render<ThemeToggle>(p => p.Add(x => x.IsDark, false).Add(x => x.IsDarkChanged, async (bool dark) =>
        {
            calls.Add(dark);
            await saving.Task;
        }));

        toggle.Find("#theme-toggle").Click();
        toggle.Find("#theme-toggle").Click();
        saving.SetResult();

        Assert.Equal([true], calls);
    }
}
