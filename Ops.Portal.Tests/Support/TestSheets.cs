using System.Globalization;
using Microsoft.Extensions.Localization;
using Ops.Portal.Common;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Support;

/// <summary>Sheet formats read from the portal's own texts, as the pages build them.</summary>
internal static class TestSheets
{
    private static readonly IStringLocalizer<UiText> Texts =
        new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();

    /// <summary>English headers, UTC times.</summary>
    public static SheetFormat English => For(Cultures.English);

    public static SheetFormat For(string culture, string zone = "UTC") =>
        SheetDownload.For(Texts, TimeZones.Find(zone) ?? throw new ArgumentException(zone), CultureInfo.GetCultureInfo(culture));
}
