using MudBlazor;

namespace Ops.Portal.Components.Layout;

/// <summary>The portal palette, light and dark; Roboto is self-hosted (wwwroot-assets/fonts).</summary>
internal static class OpsTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f6feb",
            Secondary = "#6e40c9",
            AppbarBackground = "#1f2937",
            AppbarText = "#f9fafb",
            Background = "#f5f7fa",
            DrawerBackground = "#ffffff",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#58a6ff",
            Secondary = "#bc8cff",
            AppbarBackground = "#161b22",
            Background = "#0d1117",
            Surface = "#161b22",
            DrawerBackground = "#161b22",
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
