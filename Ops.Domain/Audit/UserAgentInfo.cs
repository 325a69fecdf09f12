using System.Text.RegularExpressions;

namespace Ops.Domain.Audit;

/// <summary>Browser, operating system and device class read from a User-Agent header.</summary>
public sealed partial record UserAgentInfo(string Browser, string OperatingSystem, string Device)
{
    public static readonly UserAgentInfo Unknown = new("Unknown", "Unknown", "Unknown");

    public static UserAgentInfo Parse(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        return new UserAgentInfo(BrowserOf(userAgent), OperatingSystemOf(userAgent), DeviceOf(userAgent));
    }

    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", WeChat and
    // DingTalk embed a browser engine.
    private static string BrowserOf(string ua) =>
        Match(ua, WeChat(), "WeChat") ?? Match(ua, DingTalk(), "DingTalk") ?? Match(ua, Feishu(), "Feishu")
        ?? Match(ua, Edge(), "Edge") ?? Match(ua, Opera(), "Opera") ?? Match(ua, Firefox(), "Firefox")
        ?? Match(ua, Chrome(), ua.Contains("HeadlessChrome", StringComparison.Ordinal) ? "Headless Chrome" : "Chrome")
        ?? Match(ua, Safari(), "Safari") ?? (ua.Contains("curl/", StringComparison.Ordinal) ? "curl" : "Other");

    private static string OperatingSystemOf(string ua) =>
        ua.Contains("Windows NT 10", StringComparison.Ordinal) ? "Windows 10/11"
        : ua.Contains("Windows", StringComparison.Ordinal) ? "Windows"
        : ua.Contains("Android", StringComparison.Ordinal) ? "Android"
        : ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) ? "iOS"
        : ua.Contains("Mac OS X", StringComparison.Ordinal) ? "macOS"
        : ua.Contains("CrOS", StringComparison.Ordinal) ? "ChromeOS"
        : ua.Contains("Linux", StringComparison.Ordinal) ? "Linux"
        : "Other";

    private static string DeviceOf(string ua) =>
        ua.Contains("iPad", StringComparison.Ordinal) || ua.Contains("Tablet", StringComparison.Ordinal) ? "Tablet"
        : ua.Contains("Mobile", StringComparison.Ordinal) || ua.Contains("Android", StringComparison.Ordinal) || ua.Contains("iPhone", StringComparison.Ordinal) ? "Mobile"
        : ua.Contains("curl/", StringComparison.Ordinal) || ua.Contains("bot", StringComparison.OrdinalIgnoreCase) ? "Other"
        : "Desktop";

    private static string? Match(string ua, Regex regex, string name)
    {
        var match = regex.Match(ua);
        return match.Success ? $"{name} {match.Groups[1].Value}".TrimEnd() : null;
    }

    [GeneratedRegex(@"MicroMessenger/(\d+)")]
    private static partial Regex WeChat();

    [GeneratedRegex(@"DingTalk/(\d+)")]
    private static partial Regex DingTalk();

    [GeneratedRegex(@"Lark/(\d+)|Feishu/(\d+)")]
    private static partial Regex Feishu();

    [GeneratedRegex(@"Edg(?:e|A|iOS)?/(\d+)")]
    private static partial Regex Edge();

    [GeneratedRegex(@"(?:OPR|Opera)/(\d+)")]
    private static partial Regex Opera();

    [GeneratedRegex(@"Firefox/(\d+)")]
    private static partial Regex Firefox();

    [GeneratedRegex(@"(?:Headless)?Chrome/(\d+)")]
    private static partial Regex Chrome();

    [GeneratedRegex(@"Version/(\d+)[^ ]* (?:Mobile/\S+ )?Safari/")]
    private static partial Regex Safari();
}
