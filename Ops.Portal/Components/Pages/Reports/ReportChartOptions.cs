using System.Globalization;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Vizor.ECharts;
using EChartOptions = Vizor.ECharts.ChartOptions;

namespace Ops.Portal.Components.Pages.Reports;

/// <summary>
/// The chart a report's rows make, for the ECharts types (line, bar, pie, funnel, gauge, heatmap, progress).
/// Columns are picked from the settings, or guessed as a designer would: the first text or date column is the
/// dimension, the numeric columns are the measures. A series column turns long rows (month, region, total) into one
/// series per region. Sort and top N apply to the dimension's totals.
/// </summary>
public static class ReportChartOptions
{
    private const string MutedText = "#8a8a8a";

    /// <summary>The rows as the chart reads them: category labels, and one named list of values per series.</summary>
    public sealed record ChartData(IReadOnlyList<string> Categories, IReadOnlyList<(string Name, double?[] Values)> Series);

    public static EChartOptions Build(ReportDefinition definition, QueryResult result, CultureInfo culture)
    {
        var chart = definition.ChartOrDefault;
        var data = Shape(definition, result, culture);
        var options = new EChartOptions
        {
            Animation = result.Rows.Count <= 2000,
            Tooltip = new Tooltip { Trigger = definition.Display is ReportDisplayType.Line or ReportDisplayType.Bar ? TooltipTrigger.Axis : TooltipTrigger.Item, Confine = true },
            Legend = chart.Legend && definition.Display is not (ReportDisplayType.Gauge or ReportDisplayType.Heatmap or ReportDisplayType.Progress)
                ? new Legend { Type = LegendType.Scroll, Top = 0, TextStyle = new TextStyle { Color = MutedText } }
                : null,
        };
        if (chart.Colors is { Count: > 0 } colors)
        {
            options.Color = [.. colors];
        }

        switch (definition.Display)
        {
            case ReportDisplayType.Pie:
            case ReportDisplayType.Funnel:
                options.Series = [Slices(definition.Display, data)];
                break;
            case ReportDisplayType.Gauge:
                options.Series = [Gauge(chart, data)];
                break;
            case ReportDisplayType.Heatmap:
                Heatmap(options, definition, result, culture);
                break;
            case ReportDisplayType.Progress:
                Progress(options, definition, result, culture);
                break;
            default:
                Axes(options, definition, data);
                break;
        }

        return options;
    }

    /// <summary>Categories and series from the rows, sorted and cut to the top N as configured.</summary>
    public static ChartData Shape(ReportDefinition definition, QueryResult result, CultureInfo culture)
    {
        var chart = definition.ChartOrDefault;
        var dimension = DimensionIndex(chart, result);
        var measures = MeasureIndexes(chart, result, dimension);
        var seriesColumn = result.ColumnIndex(chart.Series);
        var categories = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in result.Rows)
        {
            var category = dimension < 0 ? "" : ReportFormat.Text(row[dimension], definition.Column(result.Columns[dimension].Name), culture);
            if (index.TryAdd(category, categories.Count))
            {
                categories.Add(category);
            }
        }

        var series = new List<(string Name, double?[] Values)>();
        if (seriesColumn >= 0 && measures.Count > 0)
        {
            var measure = measures[0];
            foreach (var group in result.Rows.GroupBy(r => Convert.ToString(r[seriesColumn], culture) ?? ""))
            {
                var values = new double?[categories.Count];
                foreach (var row in group)
                {
                    var at = index[dimension < 0 ? "" : ReportFormat.Text(row[dimension], definition.Column(result.Columns[dimension].Name), culture)];
                    values[at] = (values[at] ?? 0) + (double?)ReportFormat.Number(row[measure]);
                }

                series.Add((group.Key, values));
            }
        }
        else
        {
            foreach (var measure in measures)
            {
                var values = new double?[categories.Count];
                foreach (var row in result.Rows)
                {
                    var at = index[dimension < 0 ? "" : ReportFormat.Text(row[dimension], definition.Column(result.Columns[dimension].Name), culture)];
                    values[at] = (values[at] ?? 0) + (double?)ReportFormat.Number(row[measure]);
                }

                series.Add((ReportFormat.Heading(result.Columns[measure], definition), values));
            }
        }

        return SortAndCut(new ChartData(categories, series), chart);
    }

    private static ChartData SortAndCut(ChartData data, ChartSettings chart)
    {
        var order = Enumerable.Range(0, data.Categories.Count).ToList();
        if (chart.Sort != ChartSort.None)
        {
            double Total(int i) => data.Series.Sum(s => s.Values[i] ?? 0);
            order = chart.Sort == ChartSort.Ascending ? [.. order.OrderBy(Total)] : [.. order.OrderByDescending(Total)];
        }

        if (chart.TopN is { } top)
        {
            order = [.. order.Take(top)];
        }

        return new ChartData(order.Select(i => data.Categories[i]).ToList(), data.Series.Select(s => (s.Name, order.Select(i => s.Values[i]).ToArray())).ToList());
    }

    private static int DimensionIndex(ChartSettings chart, QueryResult result)
    {
        var named = result.ColumnIndex(chart.Dimension);
        if (named >= 0)
        {
            return named;
        }

        var series = result.ColumnIndex(chart.Series);
        return result.Columns.Select((c, i) => (c, i)).FirstOrDefault(x => x.i != series && x.c.Kind is QueryColumnKind.Text or QueryColumnKind.DateTime, (null!, -1)).Item2;
    }

    private static List<int> MeasureIndexes(ChartSettings chart, QueryResult result, int dimension)
    {
        if (chart.Measures is { Count: > 0 } named)
        {
            return [.. named.Select(result.ColumnIndex).Where(i => i >= 0)];
        }

        var series = result.ColumnIndex(chart.Series);
        return [.. result.Columns.Select((c, i) => (c, i)).Where(x => x.i != dimension && x.i != series && x.c.Kind == QueryColumnKind.Number).Select(x => x.i)];
    }

    private static void Axes(EChartOptions options, ReportDefinition definition, ChartData data)
    {
        var chart = definition.ChartOrDefault;
        options.Grid = new Grid { Left = 56, Right = 24, Top = chart.Legend ? 40 : 16, Bottom = 40, ContainLabel = true };
        options.XAxis = new XAxis
        {
            Type = AxisType.Category,
            Data = data.Categories.ToArray(),
            Name = chart.XAxisName,
            AxisLabel = new AxisLabel { HideOverlap = true },
        };
        options.YAxis = new YAxis
        {
            Type = AxisType.Value,
            Name = chart.YAxisName,
            Min = (double?)chart.Min,
            Max = (double?)chart.Max,
            SplitLine = new SplitLine { LineStyle = new LineStyle { Color = "rgba(128,128,128,0.2)" } },
        };
        var stack = chart.Stacked ? "total" : null;
        options.Series = data.Series.Select(s => definition.Display == ReportDisplayType.Line
            ? (ISeries)new LineSeries { Name = s.Name, Data = s.Values, Stack = stack, Smooth = false, AreaStyle = chart.Stacked ? new AreaStyle() : null }
            : new BarSeries { Name = s.Name, Data = s.Values, Stack = stack, BarMaxWidth = 48 }).ToList();
    }

    private static ISeries Slices(ReportDisplayType display, ChartData data)
    {
        var values = data.Series.FirstOrDefault().Values ?? [];
        if (display == ReportDisplayType.Funnel)
        {
            return new FunnelSeries
            {
                Sort = FunnelSortOrder.Descending,
                Label = new Label { Show = true, Position = LabelPosition.Inside },
                Data = data.Categories.Select((c, i) => new FunnelSeriesData { Name = c, Value = values[i] }).ToArray(),
            };
        }

        return new PieSeries
        {
            Radius = new CircleRadius("40%", "70%"),
            Label = new Label { Show = true, Formatter = "{b}: {d}%" },
            Data = data.Categories.Select((c, i) => new PieSeriesData { Name = c, Value = values[i] }).ToArray(),
        };
    }

    private static ISeries Gauge(ChartSettings chart, ChartData data)
    {
        var value = data.Series.FirstOrDefault().Values is { Length: > 0 } values ? values[0] ?? 0 : 0;
        var min = (double)(chart.Min ?? 0);
        var max = (double)(chart.Max ?? (decimal)Math.Max(100, Math.Ceiling(value)));
        var bands = (chart.Thresholds ?? []).OrderBy(t => t.Value)
            .Select(t => new GaugeAxisLineColorSegment(Math.Clamp(((double)t.Value - min) / (max - min), 0, 1), t.Color)).ToList();
        if (bands.Count > 0 && bands[^1] is { } last)
        {
            // The last band runs to the end of the dial.
            bands.Add(new GaugeAxisLineColorSegment(1, chart.Thresholds!.OrderBy(t => t.Value).Last().Color));
        }

        return new GaugeSeries
        {
            Min = min,
            Max = max,
            Progress = new Progress { Show = bands.Count == 0, Width = 14 },
            AxisLine = new GaugeAxisLine { LineStyle = new GaugeAxisLineStyle { Width = 14, Color = bands.Count > 0 ? new GaugeAxisLineColor([.. bands]) : null } },
            Detail = new Detail { ValueAnimation = true, FontSize = 28, Formatter = "{value}" },
            Data = new[] { new GaugeSeriesData { Name = data.Series.FirstOrDefault().Name, Value = Math.Round(value, 2) } },
        };
    }

    /// <summary>Heatmap: the dimension across, the series column down, the first measure as colour.</summary>
    private static void Heatmap(EChartOptions options, ReportDefinition definition, QueryResult result, CultureInfo culture)
    {
        var chart = definition.ChartOrDefault;
        var x = DimensionIndex(chart, result);
        var y = result.ColumnIndex(chart.Series) is >= 0 and var s ? s : result.Columns.Select((c, i) => (c, i)).FirstOrDefault(p => p.i != x && p.c.Kind != QueryColumnKind.Number, (null!, -1)).Item2;
        var measure = MeasureIndexes(chart, result, x).FirstOrDefault(i => i != y, -1);
        string Label(int column, object?[] row) => column < 0 ? "" : ReportFormat.Text(row[column], definition.Column(result.Columns[column].Name), culture);
        var xs = result.Rows.Select(r => Label(x, r)).Distinct().ToList();
        var ys = result.Rows.Select(r => Label(y, r)).Distinct().ToList();
        var cells = result.Rows.Select(r => new object?[] { xs.IndexOf(Label(x, r)), ys.IndexOf(Label(y, r)), measure < 0 ? null : (double?)ReportFormat.Number(r[measure]) }).ToArray();
        var values = cells.Select(c => c[2] as double?).Where(v => v is not null).Select(v => v!.Value).ToList();
        options.Grid = new Grid { Left = 56, Right = 24, Top = 16, Bottom = 64, ContainLabel = true };
        options.XAxis = new XAxis { Type = AxisType.Category, Data = xs.ToArray(), Name = chart.XAxisName, SplitArea = new SplitArea { Show = true } };
        options.YAxis = new YAxis { Type = AxisType.Category, Data = ys.ToArray(), Name = chart.YAxisName, SplitArea = new SplitArea { Show = true } };
        options.VisualMap = new ContinuousVisualMap
        {
            Min = values.Count > 0 ? values.Min() : 0,
            Max = values.Count > 0 ? values.Max() : 1,
            Calculable = true,
            Orient = Orient.Horizontal,
            Left = "center",
            Bottom = 0,
        };
        options.Series = [new HeatmapSeries { Data = cells, Label = new Label { Show = cells.Length <= 200 } }];
    }

    /// <summary>Progress: one bar per row, the measure as a share of the target (a column of the row, or one number), labelled in percent.</summary>
    private static void Progress(EChartOptions options, ReportDefinition definition, QueryResult result, CultureInfo culture)
    {
        var chart = definition.ChartOrDefault;
        var dimension = DimensionIndex(chart, result);
        var target = result.ColumnIndex(chart.TargetColumn);
        var measure = MeasureIndexes(chart, result, dimension).FirstOrDefault(i => i != target, -1);
        var rows = result.Rows.Take(chart.TopN ?? 50).ToList();
        var labels = rows.Select(r => dimension < 0 ? "" : ReportFormat.Text(r[dimension], definition.Column(result.Columns[dimension].Name), culture)).ToArray();
        var shares = rows.Select(r =>
        {
            var value = measure < 0 ? null : ReportFormat.Number(r[measure]);
            var goal = target >= 0 ? ReportFormat.Number(r[target]) : chart.Target;
            return value is { } v && goal is { } g && g != 0 ? Math.Round((double)(v / g) * 100, 1) : (double?)null;
        }).ToArray();
        options.Grid = new Grid { Left = 16, Right = 56, Top = 8, Bottom = 8, ContainLabel = true };
        options.XAxis = new XAxis { Type = AxisType.Value, Max = 100, Show = false };
        options.YAxis = new YAxis { Type = AxisType.Category, Data = labels, Inverse = true, AxisTick = new AxisTick { Show = false } };
        options.Series =
        [
            new BarSeries
            {
                Data = shares,
                ShowBackground = true,
                BarMaxWidth = 22,
                Label = new Label { Show = true, Position = LabelPosition.Right, Formatter = "{c}%" },
                ItemStyle = chart.Thresholds is { Count: > 0 } ? null : new ItemStyle { BorderRadius = 4 },
            },
        ];
    }
}
