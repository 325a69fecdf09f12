using Bunit;
using MudBlazor;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// The theme's style sheet is made once per theme and mode and shared by every circuit (issue 17): the stock provider
/// built its ≈ 25 KiB of CSS variables again in each circuit and kept it there.
/// </summary>
public sealed class ThemeProviderWeightTests : PortalTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TheSheet_IsMudBlazorsOwn_ForEachMode(bool dark)
    {
        var stock = Render<MudThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, dark));
        var ours = Render<OpsThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, dark));

        Assert.Equal(stock.Markup, ours.Markup);
        Assert.Contains("--mud-palette-primary", ours.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ManyCircuits_ShareOneSheetPerMode_NotACopyEach()
    {
        var contexts = Enumerable.Range(0, 5).Select(_ => new PortalContext()).ToList();
        try
        {
            foreach (var context in contexts)
            {
                context.Render<OpsThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, false));
                context.Render<OpsThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, true));
            }

            // Ten providers in five circuits: the portal's one theme in its two modes, whatever other tests rendered.
            Assert.InRange(OpsThemeProvider.SheetsMade, 1, 2);
        }
        finally
        {
            contexts.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public void OnceTheSheetIsMade_ACircuitHoldsNoMudThemeProvider_NorItsThemeOrDarkModeWatcher()
    {
        Render<OpsThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, false));
        using var next = new PortalContext();

        var provider = next.Render<OpsThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, false));

        // MudThemeProvider keeps a default MudTheme of its own (two palettes, 108 colours) and a .NET reference for
        // the browser's dark-mode watch in every instance.
        Assert.Empty(provider.FindComponents<MudThemeProvider>());
        Assert.Contains("--mud-palette-primary", provider.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(next.JSInterop.Invocations, i => i.Identifier.StartsWith("mudThemeProvider", StringComparison.Ordinal));
    }

    [Fact]
    public void SwitchingToDark_DrawsTheDarkPalette()
    {
        var provider = Render<OpsThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, false));
        var light = provider.Markup;

        provider.Render(p => p.Add(x => x.IsDarkMode, true));

        Assert.NotEqual(light, provider.Markup);
        Assert.Equal(Render<MudThemeProvider>(p => p.Add(x => x.Theme, OpsTheme.Theme).Add(x => x.IsDarkMode, true)).Markup, provider.Markup);
    }

    private sealed class PortalContext : PortalTestContext;
}
