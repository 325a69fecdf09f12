using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace Ops.Portal.Components.Layout;

/// <summary>
/// MudBlazor's theme style sheet, made once per theme and mode and shared by every circuit (issue 17). The stock
/// provider builds its ≈ 25 KiB of CSS variables in each circuit and keeps it there, and each instance also holds a
/// default <see cref="MudTheme"/> of its own (≈ 7 KiB: two palettes, 108 colours) and watches the browser's dark-mode
/// preference through a .NET object reference, which the portal does not use (the mode is the user's profile).
/// This component is not a <see cref="MudThemeProvider"/>: it draws the shared sheet as markup, and only while a
/// sheet has not been made yet does it render a <see cref="SheetMaker"/>, MudBlazor's own provider, to make it.
/// </summary>
public sealed class OpsThemeProvider : ComponentBase
{
    // The chart rule MudThemeProvider writes between the scrollbar and the theme (MudBlazor 9).
    private const string ChartStyle = "<style>\n    .mud-chart-serie:hover {\n        filter: url(#lighten);\n    }\n\n    .mud-chart-serie-hovered \n    {\n        filter: url(#lighten);\n    }\n</style>\n\n";

    private static readonly ConcurrentDictionary<(MudTheme Theme, bool Dark), string> Sheets = new();

    /// <summary>Sheets made so far in this process: one per theme and mode, however many circuits.</summary>
    internal static int SheetsMade => Sheets.Count;

    [Parameter, EditorRequired]
    public MudTheme Theme { get; set; } = null!;

    [Parameter]
    public bool IsDarkMode { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        if (Sheets.TryGetValue((Theme, IsDarkMode), out var sheet))
        {
            builder.AddMarkupContent(0, sheet);
            return;
        }

        builder.OpenComponent<SheetMaker>(1);
        builder.AddComponentParameter(2, nameof(MudThemeProvider.Theme), Theme);
        builder.AddComponentParameter(3, nameof(MudThemeProvider.IsDarkMode), IsDarkMode);
        builder.AddComponentParameter(4, nameof(MudThemeProvider.ObserveSystemDarkModeChange), false);
        builder.CloseComponent();
    }

    /// <summary>MudBlazor's provider, used once per theme and mode to write the sheet every circuit then shares.</summary>
    private sealed class SheetMaker : MudThemeProvider
    {
        // The mode as given (MudBlazor keeps its own copy in a private parameter state, and MUD0010 forbids reading
        // the parameter property).
        private bool _dark;

        public override Task SetParametersAsync(ParameterView parameters)
        {
            _dark = parameters.TryGetValue<bool>(nameof(IsDarkMode), out var dark) && dark;
            return base.SetParametersAsync(parameters);
        }

        protected override void BuildRenderTree(RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, Sheets.GetOrAdd((GetTheme(), _dark), _ => BuildMudBlazorScrollbar() + ChartStyle + BuildTheme()));
    }
}
