using MudBlazor;

namespace Ops.Portal.Components.Layout;

/// <summary>
/// The portal palette, light and dark; Roboto is self-hosted (wwwroot-assets/fonts). Every colour that carries text
/// (filled buttons and chips, coloured text on the page background, secondary text) reaches WCAG AA 4.5:1; the
/// sweep in the end-to-end tests measures it on every page. MudBlazor's defaults (green #00c853 and orange #ff9800
/// under white text, a light blue under white in the dark theme) measured 2.2–2.5:1.
/// </summary>
internal static class OpsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a5fd0",
            Secondary = "#6e40c9",
            Tertiary = "#00796b",
            Info = "#0b63c4",
            Success = "#2e7d32",
            Warning = "#b45309",
            Error = "#c62828",
            Dark = "#37474f",
            AppbarBackground = "#1f2937",
            AppbarText = "#f9fafb",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
            TextSecondary = "rgba(0,0,0,0.64)",
            TextDisabled = "rgba(0,0,0,0.45)",
            ActionDisabled = "rgba(0,0,0,0.45)",
        },
        PaletteDark = new PaletteDark
        {
            // Light colours on a dark page: the text on a filled button or chip is dark, not white.
            Primary = "#58a6ff",
            PrimaryContrastText = "#0d1117",
            Secondary = "#bc8cff",
            SecondaryContrastText = "#0d1117",
            Tertiary = "#4dd0c1",
            TertiaryContrastText = "#0d1117",
            Info = "#3299ff",
            InfoContrastText = "#0d1117",
            Success = "#3fb950",
            SuccessContrastText = "#0d1117",
            Warning = "#d29922",
            WarningContrastText = "#0d1117",
            Error = "#f85149",
            ErrorContrastText = "#0d1117",
            AppbarBackground = "#161b22",
            Background = "#0d1117",
            Surface = "#161b22",
            DrawerBackground = "#161b22",
            TextSecondary = "rgba(255,255,255,0.66)",
            TextDisabled = "rgba(255,255,255,0.45)",
            ActionDisabled = "rgba(255,255,255,0.45)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "Helvetica", "Arial", "sans-serif"],
            },
        },
    };
}
