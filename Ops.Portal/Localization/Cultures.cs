using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Ops.Portal.Localization;

/// <summary>The UI languages: Simplified Chinese (default) and English.</summary>
public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en-US";

    public static readonly string[] Supported = [Chinese, English];

    public static bool IsSupported(string? culture) => culture is not null && Supported.Contains(culture, StringComparer.OrdinalIgnoreCase);

    public static string Normalize(string culture) => Supported.First(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase));

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture, culture));

    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    public static RequestLocalizationOptions Options() => new RequestLocalizationOptions()
        .SetDefaultCulture(Chinese)
        .AddSupportedCultures(Supported)
        .AddSupportedUICultures(Supported);
}
