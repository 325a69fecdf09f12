using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Ops.Domain.Scheduler.Flows;
using Ops.Portal.Common;
using Vizor.ECharts;
using EChartOptions = Vizor.ECharts.ChartOptions;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>One node run on the timeline: [row, start ms, end ms], its status colour and the tooltip texts.</summary>
internal sealed record FlowGanttBar(double[] Value, ItemStyle ItemStyle, string Key, string Job, string Status, string Duration);

/// <summary>
/// Builds the ECharts options of <see cref="FlowGantt"/>: one row per node (in the drawing's order, first at the
/// top) and one bar per node run from its start to its end, or to now while it runs, coloured by status like the
/// canvas. A custom series draws the bars; it keeps one id so Vizor's merge-mode updates replace its data.
/// </summary>
internal static class FlowGanttOptions
{
    public const string SeriesId = "node-runs";

    private const string MutedText = "#8a8a8a";

    /// <summary>Changes whenever a bar would move or change colour; with a running node, every second.</summary>
    public static int Fingerprint(IEnumerable<FlowNodeRunRow> nodes, DateTimeOffset now)
    {
        var hash = new HashCode();
        foreach (var n in nodes)
        {
            hash.Add(n.Key);
            hash.Add(n.Status);
            hash.Add(n.StartedAt);
            hash.Add(n.EndedAt);
            if (n.StartedAt is not null && n.EndedAt is null)
            {
                hash.Add(now.ToUnixTimeSeconds());
            }
        }

        return hash.ToHashCode();
    }

    /// <summary>Rows in <paramref name="order"/> (the drawing's keys); nodes not in it follow in their own order.</summary>
    public static IReadOnlyList<string> Rows(IEnumerable<FlowNodeRunRow> nodes, IEnumerable<string> order)
    {
        var keys = nodes.Select(n => n.Key).ToList();
        var drawn = order.Where(keys.Contains).Distinct(StringComparer.Ordinal).ToList();
        return [.. drawn, .. keys.Where(k => !drawn.Contains(k))];
    }

    public static IReadOnlyList<FlowGanttBar> Bars(IReadOnlyList<FlowNodeRunRow> nodes, IReadOnlyList<string> rows, IStringLocalizer text, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        var row = rows.Select((key, index) => (key, index)).ToDictionary(r => r.key, r => r.index, StringComparer.Ordinal);
        return nodes.Where(n => n.StartedAt is not null && row.ContainsKey(n.Key)).Select(n =>
        {
            var start = n.StartedAt!.Value;
            var end = n.EndedAt ?? (n.Status == FlowNodeStatus.Running ? now : start);
            end = end < start ? start : end;
            var seconds = (end - start).TotalSeconds;
            return new FlowGanttBar(
                [row[n.Key], ViewerTime.ChartMilliseconds(start, zone), ViewerTime.ChartMilliseconds(end, zone)],
                new ItemStyle { Color = FlowStatusStyle.ColorOf(n.Status) },
                n.Key,
                n.JobName,
                FlowStatusStyle.Text(text, n.Status),
                text["scheduler.chart.seconds", seconds.ToString("0.###", CultureInfo.CurrentCulture)].Value);
        }).ToList();
    }

    public static EChartOptions Build(IReadOnlyList<FlowNodeRunRow> nodes, IEnumerable<string> order, IStringLocalizer text, DateTimeOffset now, TimeZoneInfo? zone = null)
    {
        var rows = Rows(nodes, order);
        return new EChartOptions
        {
            // Values are the viewer's wall-clock time written as UTC (ViewerTime.ChartMilliseconds).
            UseUTC = true,
            Animation = false,
            Grid = new Grid { Left = 120, Right = 24, Top = 16, Bottom = 32 },
            Tooltip = new Tooltip { Trigger = TooltipTrigger.Item, Confine = true, Formatter = TooltipFormatter(text) },
            XAxis = new XAxis
            {
                Type = AxisType.Time,
                AxisLabel = new AxisLabel
                {
                    HideOverlap = true,
                    Formatter = new JavascriptFunction(
                        "{ year: '{yyyy}', month: '{yyyy}-{MM}', day: '{MM}-{dd}', hour: '{HH}:{mm}', minute: '{HH}:{mm}', second: '{HH}:{mm}:{ss}', millisecond: '{HH}:{mm}:{ss}.{SSS}' }"),
                },
                SplitLine = new SplitLine { LineStyle = new LineStyle { Color = "rgba(128,128,128,0.2)" } },
            },
            YAxis = new YAxis
            {
                Type = AxisType.Category,
                Inverse = true,
                Data = rows.ToArray(),
                AxisLabel = new AxisLabel { Color = MutedText },
            },
            Series =
            [
                new CustomSeries
                {
                    Id = SeriesId,
                    RenderItem = RenderItem(),
                    Encode = new Encode { X = new double[] { 1, 2 }, Y = 0 },
                    Data = Bars(nodes, rows, text, now, zone),
                },
            ],
        };
    }

    /// <summary>A rectangle from start to end on the node's row, clipped to the plot, at least 2 px wide so an instant run shows.</summary>
    private static JavascriptFunction RenderItem() => new(
        "function (params, api) { var row = api.value(0); var start = api.coord([api.value(1), row]); var end = api.coord([api.value(2), row]);"
        + " var height = api.size([0, 1])[1] * 0.6; var c = params.coordSys;"
        + " var shape = echarts.graphic.clipRectByRect({ x: start[0], y: start[1] - height / 2, width: Math.max(end[0] - start[0], 2), height: height },"
        + " { x: c.x, y: c.y, width: c.width, height: c.height });"
        + " return shape && { type: 'rect', transform: [1, 0, 0, 1, 0, 0], shape: shape, style: api.style() }; }");

    /// <summary>Labels go in as JSON string literals; node texts are HTML-encoded by ECharts' own helper.</summary>
    private static JavascriptFunction TooltipFormatter(IStringLocalizer text)
    {
        var labels = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["status"] = text["scheduler.chart.status"].Value,
            ["duration"] = text["scheduler.chart.duration"].Value,
            ["started"] = text["scheduler.chart.started"].Value,
        });
        return new JavascriptFunction(
            "function (p) { var d = p.data; if (!d || d.key === undefined) { return ''; } var e = echarts.format.encodeHTML; var l = " + labels + ";"
            + " return p.marker + '<b>' + e(d.key) + '</b> ' + e(d.job) + '<br/>'"
            + " + e(l.status) + ': ' + e(d.status) + '<br/>'"
            + " + e(l.duration) + ': ' + e(d.duration) + '<br/>'"
            + " + e(l.started) + ': ' + echarts.time.format(d.value[1], '{yyyy}-{MM}-{dd} {HH}:{mm}:{ss}', true); }");
    }
}
