namespace Ops.Portal.Tests.Support;

/// <summary>
/// Sets the process's own zone (what TimeZoneInfo.Local and ToLocalTime use) for the life of the object, the way a
/// Docker image's TZ would. Tests that use it belong to <see cref="ProcessWideCollection"/>.
/// </summary>
public sealed class ProcessTimeZone : IDisposable
{
    private readonly string? _previous = Environment.GetEnvironmentVariable("TZ");

    public ProcessTimeZone(string zone)
    {
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        Assert.Equal(zone, TimeZoneInfo.Local.Id);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("TZ", _previous);
        TimeZoneInfo.ClearCachedData();
    }
}
