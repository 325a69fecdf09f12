using System.Globalization;

namespace Ops.Domain.Common;

/// <summary>
/// How an exported sheet reads for the person who asked for it: its words (headers) resolved from the portal's texts
/// in their language, and its times in their zone, the zone named in each time column's header. Services write the
/// sheet but cannot see the portal's resources, so the page hands them this.
/// </summary>
public sealed record SheetFormat(Func<string, string> Text, TimeZoneInfo Zone)
{
    /// <summary>Keys as words and UTC times: for callers with no viewer.</summary>
    public static SheetFormat Keys { get; } = new(key => key, TimeZoneInfo.Utc);

    /// <summary>A key's text in every language, so a sheet read back (an import) accepts headers in any of them.</summary>
    public Func<string, IReadOnlyCollection<string>> AllTexts { get; init; } = key => [key];

    /// <summary>"UTC" or the zone's id ("Asia/Shanghai").</summary>
    public string ZoneName => Zone.Id is "UTC" or "Etc/UTC" ? "UTC" : Zone.Id;

    /// <summary>The header of a time column: "Submitted (Asia/Shanghai)".</summary>
    public string TimeHeader(string key) => $"{Text(key)} ({ZoneName})";

    /// <summary>A stored instant as wall-clock time in <see cref="Zone"/>, to the second.</summary>
    public string? Time(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : null;
}
