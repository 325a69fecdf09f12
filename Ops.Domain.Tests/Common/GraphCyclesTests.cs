using Ops.Domain.Common;

namespace Ops.Domain.Tests.Common;

public sealed class GraphCyclesTests
{
    private static IReadOnlyList<T>? Find<T>(IEnumerable<T> nodes, params (T From, T To)[] edges) where T : notnull =>
        GraphCycles.Find(nodes, n => edges.Where(e => EqualityComparer<T>.Default.Equals(e.From, n)).Select(e => e.To));

    [Fact]
    public void Find_Acyclic_ReturnsNull()
    {
        Assert.Null(Find(["a", "b", "c", "d"], ("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")));
    }

    [Fact]
    public void Find_Triangle_ReturnsItsNodesInPathOrder()
    {
        var cycle = Find(["start", "a", "b", "c"], ("start", "a"), ("a", "b"), ("b", "c"), ("c", "a"));

        Assert.Equal(["a", "b", "c"], cycle);
    }

    [Fact]
    public void Find_SelfLoop_ReturnsTheOneNode()
    {
        Assert.Equal([7L], Find([1L, 7L], (1L, 7L), (7L, 7L)));
    }

    [Fact]
    public void Find_CycleInAComponentVisitedLater_IsFound()
    {
        // "a" and "b" finish first; the cycle is only reached from a later root.
        var cycle = Find(["a", "b", "c", "d"], ("a", "b"), ("c", "d"), ("d", "c"));

        Assert.Equal(["c", "d"], cycle);
    }

    [Fact]
    public void Find_DiamondsSharingNodes_AreNotCycles()
    {
        var nodes = Enumerable.Range(0, 30).ToList();
        var edges = nodes.SelectMany(n => new[] { (n, n + 1), (n, n + 2) }).Where(e => e.Item2 < 30).ToArray();

        Assert.Null(Find(nodes, edges));
    }

    [Fact]
    public void Find_LongChain_DoesNotOverflowTheStack()
    {
        const int length = 200_000;
        var cycle = GraphCycles.Find(Enumerable.Range(0, length), n => [(n + 1) % length]);

        Assert.Equal(length, cycle!.Count);
        Assert.Equal(0, cycle[0]);
    }

    [Fact]
    public void Find_UsesTheGivenComparer()
    {
        var cycle = GraphCycles.Find(["A", "b"], n => n.ToLowerInvariant() switch { "a" => ["B"], "b" => ["a"], _ => [] }, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(2, cycle!.Count);
    }
}
