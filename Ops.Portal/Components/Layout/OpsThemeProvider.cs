using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Ops.Portal.Components.Layout;

/// <summary>
/// MudBlazor's theme provider with its style sheet made once per theme and mode and shared by every circuit. The stock
/// provider builds the theme's CSS variables (≈ 25 KiB of text) for each circuit and keeps it in that circuit's render
/// tree: the largest single object a circuit held (bench/README.md, memory per circuit).
/// </summary>
public sealed class OpsThemeProvider : MudThemeProvider
{
    // The chart rule MudThemeProvider writes between the scrollbar and the theme (MudBlazor 9).
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark, bool DefaultScrollbar), string> Sheets = new();

    /// <summary>Sheets made so far in this process: one per theme, mode and scrollbar choice, however many circuits.</summary>
    internal static int SheetsMade => Sheets.Count;

    // The mode as the parent last gave it (MudBlazor keeps its own copy in a private parameter state).
    private bool _dark;

    public override Task SetParametersAsync(ParameterView parameters)
    {
        _dark = parameters.TryGetValue<bool>(nameof(IsDarkMode), out var dark) && dark;
        return base.SetParametersAsync(parameters);
    }

    protected override void BuildRenderTree(RenderTreeBuilder builder) =>
        builder.AddMarkupContent(0, Sheets.GetOrAdd((GetTheme(), _dark, DefaultScrollbar),
            key => (key.DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + ChartStyle + BuildTheme()));
}
