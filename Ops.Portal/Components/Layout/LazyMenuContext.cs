using Microsoft.AspNetCore.Components.Web;

namespace Ops.Portal.Components.Layout;

/// <summary>What a <see cref="LazyMenu"/> gives its activator: the toggle, and whether the menu exists yet.</summary>
public sealed record LazyMenuContext(Func<EventArgs, Task> Toggle, bool Mounted)
{
    public Task ToggleAsync(MouseEventArgs args) => Toggle(args);
}
