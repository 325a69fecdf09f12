using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Ops.Domain.Scheduler;
using Ops.Portal.Common;
using Vizor.ECharts;
using EChartOptions = Vizor.ECharts.ChartOptions;

namespace Ops.Portal.Components.Pages.Scheduler.Components;

/// <summary>One run on the chart: [start as Unix ms, duration in s] plus the texts the tooltip shows.</summary>
internal sealed record JobRunPoint(double[] Value, long Id, string Status, string Trigger, string Duration);

/// <summary>
/// Builds the ECharts options of <see cref="JobRunChart"/>: duration over start time, a line through every
/// run that actually ran and one scatter series per status (coloured, toggled from the legend).
/// The series set and their ids never change, because Vizor updates a live chart with ECharts' merge mode:
/// a series left out of an update would stay on screen. The legend lists only the statuses present.
/// </summary>
internal static class JobRunChartOptions
{
    /// <summary>The zoom slider shows above this many runs.</summary>
    public const int ZoomThreshold = 30;

    public const string DurationSeriesId = "duration";

    /// <summary>Series order is legend order; the colours follow the status chips.</summary>
    public static readonly IReadOnlyList<(JobRunStatus Status, string Color)> StatusColors =
    [
        (JobRunStatus.Success, "#4caf50"),
        (JobRunStatus.Failed, "#f44336"),
        (JobRunStatus.Timeout, "#ff9800"),
        (JobRunStatus.Cancelled, "#9e9e9e"),
        (JobRunStatus.Skipped, "#bdbdbd"),
        (JobRunStatus.Running, "#2196f3"),
        (JobRunStatus.Pending, "#90caf9"),
    ];

    private const string DurationColor = "#78909c";
    private const string MutedText = "#8a8a8a";

    public static string SeriesId(JobRunStatus status) => "status-" + status.ToString().ToLowerInvariant();

    /// <summary>The runs that have started, oldest first; the rest cannot be placed on a time axis.</summary>
    public static List<JobLogRow> Plotted(IEnumerable<JobLogRow> runs) =>
        [.. runs.Where(r => r.StartedAt is not null).OrderBy(r => r.StartedAt).ThenBy(r => r.Id)];

    /// <summary>Changes whenever a run is added, removed or changes in a way the chart shows.</summary>
    public static int Fingerprint(IEnumerable<JobLogRow> runs)
    {
        var hash = new HashCode();
        foreach (var r in runs)
        {
            hash.Add(r.Id);
            hash.Add(r.Status);
            hash.Add(r.Trigger);
            hash.Add(r.StartedAt);
            hash.Add(r.EndedAt);
            hash.Add(r.DurationMs);
        }

        return hash.ToHashCode();
    }

    /// <summary>Seconds the run took; a running run counts up to <paramref name="now"/>.</summary>
    public static double DurationSeconds(JobLogRow run, DateTimeOffset now)
    {
        var ms = run.DurationMs
            ?? (run.EndedAt - run.StartedAt)?.TotalMilliseconds
            ?? (run.Status == JobRunStatus.Running && run.StartedAt is { } start ? (now - start).TotalMilliseconds : 0);
        return Math.Round(Math.Max(ms, 0) / 1000d, 3);
    }

    public static EChartOptions Build(IEnumerable<JobLogRow> runs, IStringLocalizer text, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        var plotted = Plotted(runs);
        var points = plotted.Select(r => (Run: r, Point: ToPoint(r, text, now, zone))).ToList();
        var durationName = text["scheduler.chart.duration"].Value;

        var series = new List<ISeries>
        {
            new LineSeries
            {
                Id = DurationSeriesId,
                Name = durationName,
                ShowSymbol = false,
                Symbol = "none",
                ItemStyle = new ItemStyle { Color = DurationColor },
                LineStyle = new LineStyle { Color = DurationColor, Width = 1.5 },
                // Under the dots and deaf to the mouse: otherwise the line takes the hover and no tooltip shows.
                Z = 1,
                Silent = true,
                // A skipped run never ran: its zero would only drag the trend down.
                Data = points.Where(p => p.Run.Status != JobRunStatus.Skipped).Select(p => p.Point.Value).ToArray(),
            },
        };
        foreach (var (status, color) in StatusColors)
        {
            series.Add(new ScatterSeries
            {
                Id = SeriesId(status),
                Name = StatusText(text, status),
                SymbolSize = 8,
                ItemStyle = new ItemStyle { Color = color },
                Data = points.Where(p => p.Run.Status == status).Select(p => p.Point).ToArray(),
            });
        }

        var present = plotted.Select(r => r.Status).ToHashSet();
        string[] legend = [durationName, .. StatusColors.Where(s => present.Contains(s.Status)).Select(s => StatusText(text, s.Status))];
        var zoom = plotted.Count > ZoomThreshold;

        return new EChartOptions
        {
            // Values are the viewer's wall-clock time written as UTC (ViewerTime.ChartMilliseconds).
            UseUTC = true,
            Animation = plotted.Count <= 500,
            Legend = new Legend
            {
                Type = LegendType.Scroll,
                Top = 0,
                Data = legend,
                TextStyle = new TextStyle { Color = MutedText },
            },
            Grid = new Grid { Left = 64, Right = 24, Top = 40, Bottom = zoom ? 72 : 32 },
            Tooltip = new Tooltip
            {
                Trigger = TooltipTrigger.Item,
                Confine = true,
                Formatter = TooltipFormatter(text),
            },
            XAxis = new XAxis
            {
                Type = AxisType.Time,
                // Numeric time labels in every UI language (the ECharts locale is English).
                AxisLabel = new AxisLabel
                {
                    HideOverlap = true,
                    Formatter = new JavascriptFunction(
                        "{ year: '{yyyy}', month: '{yyyy}-{MM}', day: '{MM}-{dd}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}', millisecond: '{HH}:{mm}:{ss}.{SSS}' }"),
                },
                SplitLine = new SplitLine { Show = false },
            },
            YAxis = new YAxis
            {
                Type = AxisType.Value,
                Name = text["scheduler.chart.duration_axis"].Value,
                NameLocation = NameLocation.Middle,
                NameRotate = 90,
                NameGap = 44,
                NameTextStyle = new NameTextStyle { Color = MutedText },
                Min = 0,
                SplitLine = new SplitLine { LineStyle = new LineStyle { Color = "rgba(128,128,128,0.2)" } },
            },
            // Always present so a live update never leaves a stale one behind; without Start/End an update keeps the user's range.
            DataZoom =
            [
                new SliderDataZoom { Show = zoom, XAxisIndex = 0, FilterMode = DataZoomFilterMode.None, Bottom = 8 },
            ],
            Series = series,
        };
    }

    public static string StatusText(IStringLocalizer text, JobRunStatus status) => text[$"scheduler.status.{status.ToString().ToLowerInvariant()}"].Value;

    public static string TriggerText(IStringLocalizer text, JobTriggerType trigger) => text[$"job.trigger.{trigger.ToString().ToLowerInvariant()}"].Value;

    private static JobRunPoint ToPoint(JobLogRow run, IStringLocalizer text, DateTimeOffset now, TimeZoneInfo? zone)
    {
        var seconds = DurationSeconds(run, now);
        return new JobRunPoint(
            [ViewerTime.ChartMilliseconds(run.StartedAt!.Value, zone), seconds],
            run.Id,
            StatusText(text, run.Status),
            TriggerText(text, run.Trigger),
            text["scheduler.chart.seconds", seconds.ToString("0.###", CultureInfo.CurrentCulture)].Value);
    }

    /// <summary>Labels go in as JSON string literals; run texts are HTML-encoded by ECharts' own helper.</summary>
    private static JavascriptFunction TooltipFormatter(IStringLocalizer text)
    {
        var labels = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["run"] = text["scheduler.chart.run"].Value,
            ["status"] = text["scheduler.chart.status"].Value,
            ["trigger"] = text["scheduler.chart.trigger"].Value,
            ["duration"] = text["scheduler.chart.duration"].Value,
            ["started"] = text["scheduler.chart.started"].Value,
        });
        return new JavascriptFunction(
            "function (p) { var d = p.data; if (!d || d.id === undefined) { return ''; } var e = echarts.format.encodeHTML; var l = " + labels + ";"
            + " return p.marker + '<b>' + e(l.run) + ' #' + d.id + '</b><br/>'"
            + " + e(l.status) + ': ' + e(d.status) + '<br/>'"
            + " + e(l.trigger) + ': ' + e(d.trigger) + '<br/>'"
            + " + e(l.duration) + ': ' + e(d.duration) + '<br/>'"
            + " + e(l.started) + ': ' + echarts.time.format(d.value[0], '{yyyy}-{MM}-{dd} {HH}:{mm}:{ss}', true); }");
    }
}
