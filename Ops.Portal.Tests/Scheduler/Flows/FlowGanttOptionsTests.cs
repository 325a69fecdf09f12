using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Ops.Domain.Scheduler.Flows;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;
using Vizor.ECharts;

namespace Ops.Portal.Tests.Scheduler.Flows;

public sealed class FlowGanttOptionsTests : PortalTestContext
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly KeyLocalizer Keys = new();

    private readonly ManualClock _clock = new(T0.AddMinutes(10));

    public FlowGanttOptionsTests() => Services.AddSingleton<TimeProvider>(_clock);

    private static FlowNodeRunRow Node(string key, FlowNodeStatus status, int? startSecond = null, int? endSecond = null) =>
        new(key, 1, "job " + key, status, startSecond is null ? null : 100 + startSecond, startSecond is { } s ? T0.AddSeconds(s) : null,
            endSecond is { } e ? T0.AddSeconds(e) : null, false, null);

    // Deliberately not in the drawing's order, with a node that has not started.
    private static readonly FlowNodeRunRow[] Nodes =
    [
        Node("load", FlowNodeStatus.Running, 30),
        Node("extract", FlowNodeStatus.Success, 0, 20),
        Node("notify", FlowNodeStatus.Pending),
        Node("check", FlowNodeStatus.Failed, 21, 25),
    ];

    private static readonly string[] Drawn = ["extract", "check", "load", "notify"];

    [Fact]
    public void Build_DrawsOneBarPerStartedNode_OnItsRow_ColouredLikeTheCanvas()
    {
        var options = FlowGanttOptions.Build(Nodes, Drawn, Keys, T0.AddSeconds(40));

        var series = Assert.IsType<CustomSeries>(Assert.Single(options.Series!));
        Assert.Equal(FlowGanttOptions.SeriesId, series.Id);
        var bars = ((IReadOnlyList<FlowGanttBar>)series.Data!).ToDictionary(b => b.Key);
        Assert.Equal(["check", "extract", "load"], bars.Keys.Order());

        Assert.Equal(new double[] { 0, T0.ToUnixTimeMilliseconds(), T0.AddSeconds(20).ToUnixTimeMilliseconds() }, bars["extract"].Value);
        Assert.Equal(1, bars["check"].Value[0]);
        Assert.Equal(FlowStatusStyle.ColorOf(FlowNodeStatus.Success), bars["extract"].ItemStyle.Color!.Value);
        Assert.Equal("#4caf50", bars["extract"].ItemStyle.Color!.Value);
        Assert.Equal("#f44336", bars["check"].ItemStyle.Color!.Value);
        Assert.Equal("[scheduler.status.failed]", bars["check"].Status);
        Assert.Equal("[scheduler.chart.seconds|4]", bars["check"].Duration);
        Assert.Equal("job check", bars["check"].Job);
    }

    [Fact]
    public void Build_RunningNode_ReachesNow()
    {
        var options = FlowGanttOptions.Build(Nodes, Drawn, Keys, T0.AddSeconds(40));

        var load = ((IReadOnlyList<FlowGanttBar>)options.Series!.OfType<CustomSeries>().Single().Data!).Single(b => b.Key == "load");
        Assert.Equal(2, load.Value[0]);
        Assert.Equal(T0.AddSeconds(40).ToUnixTimeMilliseconds(), load.Value[2]);
        Assert.Equal("#2196f3", load.ItemStyle.Color!.Value);
    }

    [Fact]
    public void Rows_FollowTheDrawing_TopFirst_NodesMissingFromItLast()
    {
        Assert.Equal(["extract", "check", "load", "notify"], FlowGanttOptions.Rows(Nodes, Drawn));
        Assert.Equal(["check", "load", "extract", "notify"], FlowGanttOptions.Rows(Nodes, ["check", "ghost"]));

        var options = FlowGanttOptions.Build(Nodes, ["check"], Keys, T0);
        var axis = System.Text.Json.JsonSerializer.Serialize(options.YAxis!.Data!.GetData());
        Assert.Contains("\"check\"", axis, StringComparison.Ordinal);
        Assert.True(options.YAxis!.Inverse);
        Assert.Equal(AxisType.Time, options.XAxis!.Type);
    }

    [Fact]
    public void Fingerprint_MovesWithTheClock_OnlyWhileANodeRuns()
    {
        FlowNodeRunRow[] finished = [Node("a", FlowNodeStatus.Success, 0, 5)];

        Assert.Equal(FlowGanttOptions.Fingerprint(finished, T0), FlowGanttOptions.Fingerprint(finished, T0.AddMinutes(1)));
        Assert.NotEqual(FlowGanttOptions.Fingerprint(Nodes, T0), FlowGanttOptions.Fingerprint(Nodes, T0.AddSeconds(2)));
        Assert.NotEqual(FlowGanttOptions.Fingerprint(finished, T0), FlowGanttOptions.Fingerprint([Node("a", FlowNodeStatus.Failed, 0, 5)], T0));
    }

    [Fact]
    public void Component_WithoutStartedNodes_ShowsTheEmptyState()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<FlowGantt>(p => p.Add(c => c.Nodes, [Node("a", FlowNodeStatus.Pending)]));

        Assert.NotNull(cut.Find("#flow-gantt-empty"));
        Assert.Empty(cut.FindComponents<EChart>());
    }

    [Fact]
    public void Component_InitsOnce_AndUpdatesWhenANodeChanges()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        JSInterop.Setup<bool>("ops.chartReady", _ => true).SetResult(true);
        FlowNodeRunRow[] done = [Node("a", FlowNodeStatus.Success, 0, 5), Node("b", FlowNodeStatus.Pending)];

        var cut = Render<FlowGantt>(p => p.Add(c => c.Nodes, done).Add(c => c.Order, ["a", "b"]));
        Assert.Single(JSInterop.Invocations["vizorECharts.initChart"]);

        cut.Render(p => p.Add(c => c.Nodes, done.ToList()).Add(c => c.Order, ["a", "b"]));
        Assert.Empty(JSInterop.Invocations["vizorECharts.updateChart"]);

        cut.Render(p => p.Add(c => c.Nodes, [done[0], Node("b", FlowNodeStatus.Running, 6)]).Add(c => c.Order, ["a", "b"]));
        var update = Assert.Single(JSInterop.Invocations["vizorECharts.updateChart"]);
        Assert.Contains("\"key\":\"b\"", (string)update.Arguments[1]!, StringComparison.Ordinal);
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
