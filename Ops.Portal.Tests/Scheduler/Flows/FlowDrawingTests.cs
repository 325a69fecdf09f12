using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;

namespace Ops.Portal.Tests.Scheduler.Flows;

public sealed class FlowDrawingTests
{
    private static readonly Dictionary<long, FlowJobOption> Jobs = new()
    {
        [1] = new FlowJobOption(1, "Extract orders", JobType.Shell, true),
        [2] = new FlowJobOption(2, "Load warehouse", JobType.Sql, true),
    };

    private static FlowDrawing Loaded(out IReadOnlyList<FlowNodeInput> nodes)
    {
        nodes =
        [
            new FlowNodeInput("extract", 1, 40, 40, """{"day":"today"}""", 2, 60, FailurePolicy.SkipDownstream),
            new FlowNodeInput("load", 2, 300, 40),
        ];
        var drawing = new FlowDrawing();
        drawing.Load(nodes, [new FlowEdgeInput("extract", "load"), new FlowEdgeInput("extract", "ghost")], Jobs);
        return drawing;
    }

    [Fact]
    public void Load_ThenSave_GivesBackTheSameNodesAndEdges_WithoutDanglingOnes()
    {
        using var drawing = Loaded(out var nodes);

        Assert.Equal(nodes, drawing.NodeInputs());
        Assert.Equal([new FlowEdgeInput("extract", "load")], drawing.Edges());
        Assert.Equal(JobType.Sql, drawing.Nodes.Single(n => n.Key == "load").JobType);
    }

    [Fact]
    public void Load_NodesAllInOnePlace_AreLaidOut()
    {
        using var drawing = new FlowDrawing();

        drawing.Load([new FlowNodeInput("a", 1, 0, 0), new FlowNodeInput("b", 2, 0, 0)], [new FlowEdgeInput("a", "b")], Jobs);

        var places = drawing.NodeInputs().ToDictionary(n => n.Key, n => n.X);
        Assert.True(places["b"] > places["a"]);
    }

    [Fact]
    public void Add_GivesEachNodeAUniqueKey_OnAFreePlaceBesideTheLastOne_AndReportsTheChange()
    {
        using var drawing = new FlowDrawing();
        var changes = 0;
        drawing.GraphChanged += () => changes++;

        var first = drawing.Add(Jobs[1]);
        var second = drawing.Add(Jobs[1]);
        var dropped = drawing.Add(Jobs[2], new FlowPoint(10, 400));

        Assert.Equal(["extract-orders", "extract-orders-2", "load-warehouse"], drawing.Nodes.Select(n => n.Key));
        Assert.True(second.Position.X > first.Position.X);
        Assert.Equal(new Point(10, 400), dropped.Position);
        Assert.Equal(3, changes);
    }

    [Fact]
    public void Links_StartOnlyFromAnOutputPort_AndEndOnlyOnAnotherNodesInputPort()
    {
        using var drawing = Loaded(out _);
        var extract = drawing.Nodes.Single(n => n.Key == "extract");
        var load = drawing.Nodes.Single(n => n.Key == "load");
        var factory = drawing.Diagram.Options.Links.Factory;
        var loose = new PositionAnchor(new Point(0, 0));

        Assert.NotNull(factory(drawing.Diagram, extract.Output, loose));
        Assert.Null(factory(drawing.Diagram, extract.Input, loose));
        Assert.True(extract.Output.CanAttachTo(load.Input));
        Assert.False(extract.Output.CanAttachTo(load.Output));
        Assert.False(extract.Output.CanAttachTo(extract.Input));
    }

    [Fact]
    public void MarkProblems_OutlinesExactlyTheNamedNodes()
    {
        using var drawing = Loaded(out _);

        drawing.MarkProblems([new FlowProblem("scheduler.flow.parameters_invalid", ["load"], "load")]);
        Assert.Equal(["load"], drawing.Nodes.Where(n => n.HasProblem).Select(n => n.Key));

        drawing.MarkProblems([]);
        Assert.DoesNotContain(drawing.Nodes, n => n.HasProblem);
    }

    [Fact]
    public void AutoLayout_PutsTheDownstreamNodeInTheNextColumn()
    {
        using var drawing = Loaded(out _);
        drawing.Nodes.Single(n => n.Key == "load").SetPosition(-500, 900);

        drawing.AutoLayout();

        var places = drawing.NodeInputs().ToDictionary(n => n.Key);
        Assert.Equal(FlowLayout.Margin, places["extract"].X);
        Assert.Equal(FlowLayout.Margin + FlowLayout.ColumnWidth, places["load"].X);
        Assert.Equal(places["extract"].Y, places["load"].Y);
    }
}
