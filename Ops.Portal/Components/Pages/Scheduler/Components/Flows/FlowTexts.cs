using System.Globalization;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>Durations of instances and node runs as the lists show them; a run still going counts up to now.</summary>
internal static class FlowTexts
{
    public static string Duration(FlowInstanceRow instance, DateTimeOffset now) =>
        Duration(instance.DurationMs ?? (instance.EndedAt is null ? Running(instance.StartedAt, now) : (instance.EndedAt - instance.StartedAt)?.TotalMilliseconds));

    public static string Duration(FlowNodeRunRow node, DateTimeOffset now) =>
        Duration(node.EndedAt is { } end ? (end - node.StartedAt)?.TotalMilliseconds : Running(node.StartedAt, now));

    public static string Duration(double? ms) => ms switch
    {
        null => "—",
        < 60_000 => (ms.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        _ => TimeSpan.FromMilliseconds(ms.Value).ToString(ms.Value < 3_600_000 ? @"m\:ss" : @"h\:mm\:ss", CultureInfo.InvariantCulture),
    };

    private static double? Running(DateTimeOffset? started, DateTimeOffset now) => started is { } start ? (now - start).TotalMilliseconds : null;
}
