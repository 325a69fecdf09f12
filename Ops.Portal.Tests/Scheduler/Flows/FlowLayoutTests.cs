using Ops.Portal.Components.Pages.Scheduler.Components.Flows;

namespace Ops.Portal.Tests.Scheduler.Flows;

public sealed class FlowLayoutTests
{
    private const double Left = FlowLayout.Margin;
    private const double Column = FlowLayout.ColumnWidth;
    private const double Row = FlowLayout.RowHeight;

    private static (string Key, FlowPoint At)[] At(params string[] keys) => keys.Select((k, i) => (k, new FlowPoint(0, i))).ToArray();

    [Fact]
    public void Arrange_Chain_PutsEachNodeOneColumnRightOfItsUpstream()
    {
        var places = FlowLayout.Arrange(At("c", "b", "a"), [("a", "b"), ("b", "c")]);

        Assert.Equal(new FlowPoint(Left, Left), places["a"]);
        Assert.Equal(new FlowPoint(Left + Column, Left), places["b"]);
        Assert.Equal(new FlowPoint(Left + 2 * Column, Left), places["c"]);
    }

    [Fact]
    public void Arrange_Join_GoesOneColumnAfterItsDeepestUpstream()
    {
        // a → b → c → e and a → d → e: e waits for c, the longer branch.
        var places = FlowLayout.Arrange(At("a", "b", "c", "d", "e"), [("a", "b"), ("b", "c"), ("c", "e"), ("a", "d"), ("d", "e")]);

        Assert.Equal(Left + 3 * Column, places["e"].X);
        Assert.Equal(Left + Column, places["d"].X);
        Assert.Equal(places["b"].X, places["d"].X);
    }

    [Fact]
    public void Arrange_Column_KeepsTheDrawnTopToBottomOrder_AndIsCentredOnTheTallestColumn()
    {
        var nodes = new (string, FlowPoint)[] { ("root", new FlowPoint(0, 0)), ("low", new FlowPoint(300, 500)), ("high", new FlowPoint(300, 10)), ("mid", new FlowPoint(280, 200)) };

        var places = FlowLayout.Arrange(nodes, [("root", "low"), ("root", "high"), ("root", "mid")]);

        Assert.Equal(new[] { "high", "mid", "low" }, new[] { "high", "mid", "low" }.OrderBy(k => places[k].Y));
        Assert.Equal(Left, places["high"].Y);
        Assert.Equal(Left + 2 * Row, places["low"].Y);
        Assert.Equal(Left + Row, places["root"].Y);
    }

    [Fact]
    public void Arrange_NodesOnACycle_GoInOneColumnAfterTheRest()
    {
        var places = FlowLayout.Arrange(At("start", "x", "y", "alone"), [("start", "x"), ("x", "y"), ("y", "x")]);

        Assert.Equal(Left, places["start"].X);
        Assert.Equal(Left, places["alone"].X);
        Assert.Equal(Left + Column, places["x"].X);
        Assert.Equal(places["x"].X, places["y"].X);
        Assert.NotEqual(places["x"].Y, places["y"].Y);
    }

    [Fact]
    public void Depths_IgnoreEdgesToUnknownNodes_AndSelfLoops()
    {
        var depths = FlowLayout.Depths(["a", "b"], [("a", "b"), ("b", "b"), ("ghost", "a")]);

        Assert.Equal(0, depths["a"]);
        Assert.Equal(1, depths["b"]);
    }
}
