using MudBlazor;
using MudBlazor.Utilities;
using Ops.Portal.Components.Layout;

namespace Ops.Portal.Tests.Layout;

/// <summary>
/// Issue 14.15: every colour of the palette that carries text reaches WCAG AA (4.5:1) in both themes: the text on a
/// filled button or chip of that colour, that colour as text on the page and on a card, and secondary text.
/// </summary>
public sealed class OpsThemeTests
{
    private const double AA = 4.5;

    public static TheoryData<string> Themes => ["light", "dark"];

    [Theory]
    [MemberData(nameof(Themes))]
    public void FilledColours_CarryTheirTextAtAA(string theme)
    {
        var palette = Palette(theme);
        var pairs = new (string Name, MudColor Fill, MudColor Text)[]
        {
            ("primary", palette.Primary, palette.PrimaryContrastText), ("secondary", palette.Secondary, palette.SecondaryContrastText),
            ("tertiary", palette.Tertiary, palette.TertiaryContrastText), ("info", palette.Info, palette.InfoContrastText),
            ("success", palette.Success, palette.SuccessContrastText), ("warning", palette.Warning, palette.WarningContrastText),
            ("error", palette.Error, palette.ErrorContrastText),
        };

        var low = pairs.Select(p => (p.Name, Ratio: Contrast(p.Text, p.Fill))).Where(p => p.Ratio < AA).ToList();

        Assert.True(low.Count == 0, string.Join("; ", low.Select(p => $"{theme} {p.Name}: {p.Ratio:F2}:1")));
    }

    [Theory]
    [MemberData(nameof(Themes))]
    public void ColouredAndSecondaryText_IsReadableOnThePageAndOnCards(string theme)
    {
        var palette = Palette(theme);
        var texts = new (string Name, MudColor Color)[]
        {
            ("primary", palette.Primary), ("secondary", palette.Secondary), ("info", palette.Info), ("success", palette.Success),
            ("warning", palette.Warning), ("error", palette.Error), ("text-secondary", palette.TextSecondary),
        };

        var low = texts
            .SelectMany(t => new[] { ("background", palette.Background), ("surface", palette.Surface) }.Select(b => (t.Name, On: b.Item1, Ratio: Contrast(t.Color, b.Item2))))
            .Where(p => p.Ratio < AA)
            .ToList();

        Assert.True(low.Count == 0, string.Join("; ", low.Select(p => $"{theme} {p.Name} on {p.On}: {p.Ratio:F2}:1")));
    }

    private static Palette Palette(string theme) => theme == "dark" ? OpsTheme.Theme.PaletteDark : OpsTheme.Theme.PaletteLight;

    private static double Contrast(MudColor text, MudColor back)
    {
        var alpha = text.A / 255.0;
        double Over(byte fore, byte behind) => fore * alpha + behind * (1 - alpha);
        var front = Luminance(Over(text.R, back.R), Over(text.G, back.G), Over(text.B, back.B));
        var rear = Luminance(back.R, back.G, back.B);
        return (Math.Max(front, rear) + 0.05) / (Math.Min(front, rear) + 0.05);
    }

    private static double Luminance(double r, double g, double b)
    {
        static double Channel(double value)
        {
            value /= 255;
            return value <= 0.03928 ? value / 12.92 : Math.Pow((value + 0.055) / 1.055, 2.4);
        }

        return 0.2126 * Channel(r) + 0.7152 * Channel(g) + 0.0722 * Channel(b);
    }
}
