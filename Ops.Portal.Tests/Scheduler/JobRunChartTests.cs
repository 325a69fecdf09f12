using System.Globalization;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Ops.Domain.Scheduler;
using Ops.Portal.Components.Pages.Scheduler.Components;
using Vizor.ECharts;

namespace Ops.Portal.Tests.Scheduler;

public sealed class JobRunChartTests : PortalTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private readonly ManualClock _clock = new(T0.AddHours(1));

    public JobRunChartTests() => Services.AddSingleton<TimeProvider>(_clock);

    private static JobLogRow Run(long id, JobRunStatus status, int startMinute, long? durationMs, JobTriggerType trigger = JobTriggerType.Cron) =>
        new(id, 7, trigger, status, T0.AddMinutes(startMinute), T0.AddMinutes(startMinute), null, durationMs, 1, null, "node-1", $"trace-{id}", null, null, null);

    private static readonly JobLogRow NotStarted =
        new(99, 7, JobTriggerType.Manual, JobRunStatus.Pending, T0.AddMinutes(50), null, null, null, 1, null, "node-1", "trace-99", null, null, null);

    // Deliberately out of order, with a run that never started.
    private static readonly JobLogRow[] Runs =
    [
        Run(3, JobRunStatus.Failed, 20, 4_500, JobTriggerType.Manual),
        Run(1, JobRunStatus.Success, 0, 1_200),
        NotStarted,
        Run(4, JobRunStatus.Running, 40, null),
        Run(2, JobRunStatus.Success, 10, 2_000),
        Run(5, JobRunStatus.Skipped, 30, 0),
    ];

    private static readonly KeyLocalizer Keys = new();

    [Fact]
    public void Build_PlotsEveryStartedRunOnce_InItsStatusSeries_WithTheStatusColour()
    {
        var options = JobRunChartOptions.Build(Runs, Keys, T0.AddMinutes(41));
        var scatter = options.Series!.OfType<ScatterSeries>().ToDictionary(s => s.Id!);

        Assert.Equal(JobRunChartOptions.StatusColors.Count, scatter.Count);
        foreach (var (status, color) in JobRunChartOptions.StatusColors)
        {
            var series = scatter[JobRunChartOptions.SeriesId(status)];
            Assert.Equal(color, series.ItemStyle!.Color!.Value);
            Assert.Equal($"[scheduler.status.{status.ToString().ToLowerInvariant()}]", series.Name);
        }

        var points = scatter.Values.SelectMany(s => (JobRunPoint[])s.Data!).ToList();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, points.Select(p => p.Id).Order());
        Assert.Equal(new long[] { 1, 2 }, Points(scatter, JobRunStatus.Success).Select(p => p.Id));
        Assert.Equal(new long[] { 3 }, Points(scatter, JobRunStatus.Failed).Select(p => p.Id));
        Assert.Equal("#4caf50", scatter[JobRunChartOptions.SeriesId(JobRunStatus.Success)].ItemStyle!.Color!.Value);
        Assert.Equal("#f44336", scatter[JobRunChartOptions.SeriesId(JobRunStatus.Failed)].ItemStyle!.Color!.Value);
        Assert.Equal("#2196f3", scatter[JobRunChartOptions.SeriesId(JobRunStatus.Running)].ItemStyle!.Color!.Value);

        var failed = Points(scatter, JobRunStatus.Failed).Single();
        Assert.Equal(new double[] { T0.AddMinutes(20).ToUnixTimeMilliseconds(), 4.5 }, failed.Value);
        Assert.Equal("[scheduler.status.failed]", failed.Status);
        Assert.Equal("[job.trigger.manual]", failed.Trigger);
        Assert.Equal("[scheduler.chart.seconds|4.5]", failed.Duration);

        // A running run counts up to now.
        Assert.Equal(60d, Points(scatter, JobRunStatus.Running).Single().Value[1]);
    }

    [Fact]
    public void Build_DrawsTheDurationLineInStartOrder_WithoutSkippedRuns_AndLegendsOnlyPresentStatuses()
    {
        var options = JobRunChartOptions.Build(Runs, Keys, T0.AddMinutes(41));

        var line = Assert.IsType<LineSeries>(options.Series![0]);
        Assert.Equal(JobRunChartOptions.DurationSeriesId, line.Id);
        var data = (double[][])line.Data!;
        Assert.Equal(new[] { 1.2, 2, 4.5, 60 }, data.Select(d => d[1]));
        Assert.Equal(data.Select(d => d[0]).Order(), data.Select(d => d[0]));

        var legend = JsonSerializer.Serialize(options.Legend!.Data!.GetData());
        Assert.Equal(
            JsonSerializer.Serialize(new[]
            {
                "[scheduler.chart.duration]", "[scheduler.status.success]", "[scheduler.status.failed]",
                "[scheduler.status.skipped]", "[scheduler.status.running]",
            }),
            legend);
        Assert.False(((SliderDataZoom)options.DataZoom!.Single()).Show);
    }

    [Fact]
    public void Build_ShowsTheZoomSlider_OnlyAboveTheThreshold()
    {
        var many = Enumerable.Range(1, JobRunChartOptions.ZoomThreshold + 1).Select(i => Run(i, JobRunStatus.Success, i, 1_000)).ToList();

        Assert.True(((SliderDataZoom)JobRunChartOptions.Build(many, Keys, T0).DataZoom!.Single()).Show);
        Assert.False(((SliderDataZoom)JobRunChartOptions.Build(many.Take(JobRunChartOptions.ZoomThreshold), Keys, T0).DataZoom!.Single()).Show);
    }

    [Fact]
    public void Component_WithoutStartedRuns_ShowsTheEmptyState_AndNoChart()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<JobRunChart>(p => p.Add(c => c.Runs, [NotStarted]));

        Assert.NotNull(cut.Find("#job-run-chart-empty"));
        Assert.Empty(cut.FindComponents<EChart>());
        Assert.Empty(JSInterop.Invocations["vizorECharts.initChart"]);
    }

    [Fact]
    public void Component_WhenNotInteractive_ReservesTheSpace_ButDrawsNothing()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<JobRunChart>(p => p.Add(c => c.Runs, Runs).Add(c => c.Height, "200px"));

        Assert.Contains("height:200px", cut.Find(".ops-job-run-chart").GetAttribute("style"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#job-run-chart-empty"));
        Assert.Empty(cut.FindComponents<EChart>());
    }

    [Fact]
    public void Component_InitsTheChartWithOnePointPerStartedRun_AndUpdatesItWhenRunsArrive()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Setup<bool>("ops.chartReady", _ => true).SetResult(true);

        var cut = Render<JobRunChart>(p => p.Add(c => c.Runs, Runs));

        var init = Assert.Single(JSInterop.Invocations["vizorECharts.initChart"]);
        Assert.Equal("{\"renderer\":\"canvas\",\"width\":\"auto\",\"height\":null}", init.Arguments[2]);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ScatterIds((string)init.Arguments[3]!));

        // The same runs again (a parent re-render) do not redraw.
        cut.Render(p => p.Add(c => c.Runs, Runs.ToList()));
        Assert.Empty(JSInterop.Invocations["vizorECharts.updateChart"]);

        // A new run arrives live.
        cut.Render(p => p.Add(c => c.Runs, [.. Runs, Run(6, JobRunStatus.Timeout, 45, 30_000)]));
        var update = Assert.Single(JSInterop.Invocations["vizorECharts.updateChart"]);
        Assert.Equal(new long[] { 1, 2, 3, 4, 5, 6 }, ScatterIds((string)update.Arguments[1]!));
        Assert.Single(JSInterop.Invocations["vizorECharts.initChart"]);
    }

    [Fact]
    public void RunsArrivingWhileTheChartIsBeingCreated_WaitForIt_ThenTheLatestIsDrawnOnce()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var ready = JSInterop.Setup<bool>("ops.chartReady", _ => true);
        var cut = Render<JobRunChart>(p => p.Add(c => c.Runs, Runs[..2]));

        // Two live updates before the browser has the chart: nothing may reach it yet (that broke the page).
        cut.Render(p => p.Add(c => c.Runs, Runs[..4]));
        cut.Render(p => p.Add(c => c.Runs, Runs));
        Assert.Empty(JSInterop.Invocations["vizorECharts.updateChart"]);

        ready.SetResult(true);
        cut.WaitForAssertion(() => Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, ScatterIds((string)JSInterop.Invocations["vizorECharts.updateChart"].Last().Arguments[1]!)));
        Assert.Single(JSInterop.Invocations["vizorECharts.initChart"]);
    }

    [Fact]
    public void Component_TooltipAndNames_AreLocalized()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        UseCulture(Ops.Portal.Localization.Cultures.Chinese);

        Render<JobRunChart>(p => p.Add(c => c.Runs, Runs));

        var options = (string)JSInterop.Invocations["vizorECharts.initChart"].Single().Arguments[3]!;
        var localizer = Services.GetRequiredService<IStringLocalizer<Ops.Portal.Localization.UiText>>();
        Assert.Contains(JsonSerializer.Serialize(localizer["scheduler.status.success"].Value), options, StringComparison.Ordinal);
        Assert.Contains("echarts.format.encodeHTML", options, StringComparison.Ordinal);
    }

    private static IEnumerable<JobRunPoint> Points(Dictionary<string, ScatterSeries> scatter, JobRunStatus status) =>
        (JobRunPoint[])scatter[JobRunChartOptions.SeriesId(status)].Data!;

    /// <summary>
    /// The run ids in the scatter series of the options ECharts receives. The options are JavaScript
    /// (functions inline), so only the series part, which is plain JSON, is parsed.
    /// </summary>
    private static List<long> ScatterIds(string options)
    {
        var start = options.IndexOf("\"series\":", StringComparison.Ordinal) + "\"series\":".Length;
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(options[start..]));
        using var series = JsonDocument.ParseValue(ref reader);
        return
        [
            .. series.RootElement.EnumerateArray()
                .Where(s => s.GetProperty("type").GetString() == "scatter")
                .SelectMany(s => s.GetProperty("data").EnumerateArray())
                .Select(p => p.GetProperty("id").GetInt64())
                .Order(),
        ];
    }

    /// <summary>Answers "[key]" (or "[key|arg]") so the tests see which text went where.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, $"[{name}]");

        public LocalizedString this[string name, params object[] arguments] =>
            new(name, $"[{name}|{string.Join(',', arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)))}]");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
