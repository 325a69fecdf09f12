using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace Ops.Portal.Components.Layout;

/// <summary>
/// A MudBlazor icon as markup rather than a <c>MudIcon</c> component: the drawer draws some forty of them in every circuit.
/// The strings are made once per icon and class and shared by all circuits.
/// </summary>
internal static class NavIcon
{
    private static readonly ConcurrentDictionary<(string Icon, string Class), MarkupString> Made = new();

    public static MarkupString Svg(string icon, string cssClass) =>
        Made.GetOrAdd((icon, cssClass), key => new MarkupString(
            $"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium {key.Class}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
