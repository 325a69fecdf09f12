using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Ops.Portal.Localization;

/// <summary>Serves MudBlazor's own component texts (pager, filters, pickers) from our resources.</summary>
internal sealed class OpsMudLocalizer(IStringLocalizer<MudBlazorText> localizer) : MudLocalizer
{
    public override LocalizedString this[string key] => localizer[key];
}
