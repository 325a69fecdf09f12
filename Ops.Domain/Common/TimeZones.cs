namespace Ops.Domain.Common;

/// <summary>
/// IANA time zones as the portal uses them: a user's display zone, a cron's zone. Only the zones the
/// runtime knows are accepted, so a stored id always converts.
/// </summary>
public static class TimeZones
{
    public const int IdMaxLength = 64;

    private static readonly Lazy<IReadOnlyList<string>> Known = new(() =>
        TimeZoneInfo.GetSystemTimeZones()
            .Select(z => z.Id)
            .Where(id => id.Contains('/', StringComparison.Ordinal) || id == "UTC")
            .Order(StringComparer.Ordinal)
            .ToList());

    /// <summary>The IANA ids offered for picking ("Area/City" and UTC), sorted.</summary>
    public static IReadOnlyList<string> All => Known.Value;

    /// <summary>The zone of <paramref name="id"/>, or null when empty, too long or unknown.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Trim().Length > IdMaxLength)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>Ids of <see cref="All"/> that contain <paramref name="text"/>; all of them for an empty text.</summary>
    public static IEnumerable<string> Search(string? text) =>
        string.IsNullOrWhiteSpace(text) ? All : All.Where(z => z.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"UTC+08:00 Asia/Shanghai": the offset in force at <paramref name="at"/> and the id.</summary>
    public static string Caption(TimeZoneInfo zone, DateTimeOffset at) => $"{Offset(zone.GetUtcOffset(at))} {zone.Id}";

    /// <summary>"UTC+08:00", "UTC-04:00", "UTC+00:00".</summary>
    public static string Offset(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? '-' : '+')}{offset.Duration():hh\\:mm}";

    /// <summary>
    /// The instant at which the wall-clock time <paramref name="local"/> happens in <paramref name="zone"/>. A time that
    /// a spring-forward skips is read with the offset before the jump (02:30 becomes 03:30); a time that autumn
    /// repeats, as its first occurrence.
    /// </summary>
    public static DateTimeOffset FromWallClock(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            var before = zone.GetUtcOffset(wall.AddHours(-3));
            return new DateTimeOffset(wall, before).ToUniversalTime();
        }

        var offset = zone.IsAmbiguousTime(wall) ? zone.GetAmbiguousTimeOffsets(wall).Max() : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }
}
