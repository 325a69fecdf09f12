using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;
using Ops.Domain.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Common;

/// <summary>
/// Exports as the viewer reads them: the sheet's headers from UiText in the viewer's language, times in the viewer's
/// zone (named in each time column's header), and the workbook handed to the browser. One per circuit.
/// </summary>
internal sealed class SheetDownload(UiErrorHandler ui, IJSRuntime js, IStringLocalizer<UiText> text, ViewerTime viewer)
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The viewer's sheet format.</summary>
    public SheetFormat Format => For(text, viewer.Zone, CultureInfo.CurrentUICulture);

    /// <summary>A sheet format reading <paramref name="text"/> in <paramref name="culture"/>, times in <paramref name="zone"/>.</summary>
    public static SheetFormat For(IStringLocalizer text, TimeZoneInfo zone, CultureInfo culture) =>
        new(key => InCulture(culture, () => text[key].Value), zone)
        {
            AllTexts = key => Cultures.Supported.Select(c => InCulture(CultureInfo.GetCultureInfo(c), () => text[key].Value)).Distinct(StringComparer.Ordinal).ToList(),
        };

    /// <summary>Runs the export (failures shown as usual) and downloads it as "<paramref name="name"/>-20261207-1305.xlsx".</summary>
    public async Task DownloadAsync(string name, Func<SheetFormat, Task<byte[]>> export, bool stamped = true)
    {
        var format = Format;
        var bytes = await ui.RunAsync(() => export(format));
        if (bytes is not null)
        {
            var file = stamped ? $"{name}-{viewer.FileStamp()}.xlsx" : $"{name}.xlsx";
            await js.InvokeVoidAsync("ops.download", file, Xlsx, Convert.ToBase64String(bytes));
        }
    }

    private static string InCulture(CultureInfo culture, Func<string> read)
    {
        var current = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = current;
        }
    }
}
