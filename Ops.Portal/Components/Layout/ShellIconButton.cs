using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Ops.Portal.Components.Layout;

/// <summary>
/// The app bar's icon buttons as markup in the parent's render tree, with MudIconButton's classes and layout (inherit
/// colour, medium icon), instead of a MudIconButton and a MudIcon component each: the app bar is in every circuit.
/// </summary>
internal static class ShellIconButton
{
    private const string Classes = "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon";

    /// <summary>
    /// A button drawing <paramref name="icon"/>, named <paramref name="label"/> (also its tooltip when <paramref name="titled"/>);
    /// <paramref name="opensMenu"/> marks a menu's activator.
    /// </summary>
    public static RenderFragment Draw(IHandleEvent receiver, string icon, string label, Func<MouseEventArgs, Task> onClick,
        bool opensMenu = false, string? extraClass = null, string? id = null, bool titled = false) => builder =>
    {
        builder.OpenElement(0, "button");
        builder.AddAttribute(1, "type", "button");
        builder.AddAttribute(2, "id", id);
        builder.AddAttribute(3, "class", extraClass is null ? Classes : $"{Classes} {extraClass}");
        builder.AddAttribute(4, "aria-label", label);
        builder.AddAttribute(5, "title", titled ? label : null);
        if (opensMenu)
        {
            builder.AddAttribute(6, "aria-haspopup", "menu");
        }

        builder.AddAttribute(7, "onclick", EventCallback.Factory.Create(receiver, onClick));
        builder.AddEventStopPropagationAttribute(8, "onclick", true);
        builder.OpenElement(9, "span");
        builder.AddAttribute(10, "class", "mud-icon-button-label");
        builder.AddContent(11, NavIcon.Svg(icon, ""));
        builder.CloseElement();
        builder.CloseElement();
    };
}
