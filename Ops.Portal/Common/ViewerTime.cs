using System.Globalization;
using Ops.Domain.Common;

namespace Ops.Portal.Common;

/// <summary>How much of a time <see cref="ViewerTime.Format"/> shows.</summary>
public enum WhenFormat
{
    /// <summary>2026-12-07</summary>
    Date,

    /// <summary>2026-12-07 13:05</summary>
    Minute,

    /// <summary>2026-12-07 13:05:09</summary>
    Second,

    /// <summary>12-07 13:05:09, for recent times in dense lists.</summary>
    Recent,

    /// <summary>13:05:09, inside a view that already shows the day.</summary>
    Clock,

    /// <summary>13:05:09.123, for attempts and steps.</summary>
    Precise,
}

/// <summary>
/// The one place the portal turns stored UTC instants into what a viewer reads, and what a viewer types into
/// UTC. The zone is the user's profile zone, else the browser's (read once per circuit), else UTC. The server's
/// own zone is never used. One per circuit.
/// </summary>
public sealed class ViewerTime(TimeProvider clock)
{
    private string? _browserZone;
    private string? _profileZone;

    /// <summary>Raised when the zone changes (the browser answered, the profile was saved), so shown times redraw.</summary>
    public event Action? Changed;

    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    /// <summary>The browser's zone, when known; what an empty profile setting follows.</summary>
    public string BrowserZoneId => _browserZone ?? TimeZoneInfo.Utc.Id;

    /// <summary>True once the browser's zone is known (or the profile names one).</summary>
    public bool Resolved => _profileZone is not null || _browserZone is not null;

    /// <summary>The zone the browser reports (<c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>); unknown ids are ignored.</summary>
    public void UseBrowserZone(string? id)
    {
        if (TimeZones.Find(id) is { } zone)
        {
            _browserZone = zone.Id;
            Resolve();
        }
    }

    /// <summary>The zone of the user's profile; empty or unknown follows the browser.</summary>
    public void UseProfileZone(string? id)
    {
        _profileZone = TimeZones.Find(id)?.Id;
        Resolve();
    }

    public DateTimeOffset ToViewer(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone);

    /// <summary>Now in the viewer's zone.</summary>
    public DateTimeOffset Now => ToViewer(clock.GetUtcNow());

    /// <summary>The viewer's calendar day today.</summary>
    public DateTime Today => Now.Date;

    public string Format(DateTimeOffset at, WhenFormat format = WhenFormat.Minute) =>
        ToViewer(at).ToString(Pattern(format), CultureInfo.InvariantCulture);

    public string Format(DateTimeOffset? at, WhenFormat format = WhenFormat.Minute, string empty = "—") =>
        at is { } value ? Format(value, format) : empty;

    /// <summary>The full reading for a tooltip: "2026-12-07 13:05:09 UTC+08:00 Asia/Shanghai · 2026-12-07 05:05:09 UTC".</summary>
    public string Describe(DateTimeOffset at) =>
        $"{Format(at, WhenFormat.Second)} {TimeZones.Caption(Zone, at)} · {at.UtcDateTime.ToString(Pattern(WhenFormat.Second), CultureInfo.InvariantCulture)} UTC";

    /// <summary>"UTC+08:00 Asia/Shanghai": the viewer's zone with the offset in force at <paramref name="at"/> (default now).</summary>
    public string Caption(DateTimeOffset? at = null) => TimeZones.Caption(Zone, at ?? clock.GetUtcNow());

    /// <summary>
    /// <paramref name="at"/> read in another zone (a cron's) with that zone's caption, or null when that zone is
    /// unknown or shows the same wall-clock time as the viewer's.
    /// </summary>
    public string? InZone(DateTimeOffset at, string? zoneId, WhenFormat format = WhenFormat.Second)
    {
        if (TimeZones.Find(zoneId) is not { } zone || zone.GetUtcOffset(at) == Zone.GetUtcOffset(at))
        {
            return null;
        }

        return $"{TimeZoneInfo.ConvertTime(at, zone).ToString(Pattern(format), CultureInfo.InvariantCulture)} {TimeZones.Caption(zone, at)}";
    }

    /// <summary>A wall-clock time the viewer typed, as the UTC instant it means.</summary>
    public DateTimeOffset FromViewer(DateTime local) => TimeZones.FromWallClock(local, Zone);

    /// <summary>The UTC instant the viewer's <paramref name="day"/> begins; null for no day.</summary>
    public DateTimeOffset? StartOfDay(DateTime? day) => day is { } d ? FromViewer(d.Date) : null;

    /// <summary>The last instant of the viewer's <paramref name="day"/>; null for no day.</summary>
    public DateTimeOffset? EndOfDay(DateTime? day) => day is { } d ? FromViewer(d.Date.AddDays(1)).AddTicks(-1) : null;

    /// <summary>The viewer's calendar day of <paramref name="at"/>, for a date picker showing a stored instant.</summary>
    public DateTime? DayOf(DateTimeOffset? at) => at is { } value ? ToViewer(value).Date : null;

    /// <summary>
    /// <paramref name="at"/> as a chart's time value: the wall-clock time in <paramref name="zone"/> (UTC when null)
    /// written as if it were UTC. Charts set ECharts' <c>useUTC</c>, so the browser's own zone plays no part.
    /// </summary>
    public static long ChartMilliseconds(DateTimeOffset at, TimeZoneInfo? zone) =>
        at.ToUnixTimeMilliseconds() + (long)(zone?.GetUtcOffset(at) ?? TimeSpan.Zero).TotalMilliseconds;

    /// <summary>"20261207-1305" in the viewer's zone, for the names of exported files.</summary>
    public string FileStamp() => Now.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);

    private static string Pattern(WhenFormat format) => format switch
    {
        WhenFormat.Date => "yyyy-MM-dd",
        WhenFormat.Second => "yyyy-MM-dd HH:mm:ss",
        WhenFormat.Recent => "MM-dd HH:mm:ss",
        WhenFormat.Clock => "HH:mm:ss",
        WhenFormat.Precise => "HH:mm:ss.fff",
        _ => "yyyy-MM-dd HH:mm",
    };

    private void Resolve()
    {
        var resolved = TimeZones.Find(_profileZone) ?? TimeZones.Find(_browserZone) ?? TimeZoneInfo.Utc;
        if (resolved.Id != Zone.Id)
        {
            Zone = resolved;
            Changed?.Invoke();
        }
    }
}
