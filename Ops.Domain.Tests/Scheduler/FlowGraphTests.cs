using Ops.Domain.Scheduler.Flows;

namespace Ops.Domain.Tests.Scheduler;

/// <summary>Drawn flows are checked before saving: every problem named with the nodes it concerns.</summary>
public sealed class FlowGraphTests
{
    private static readonly Dictionary<long, FlowJobInfo> Jobs = new()
    {
        [1] = new(1, "extract", true),
        [2] = new(2, "load", true),
        [3] = new(3, "old", false),
    };

    [Fact]
    public void AValidDiamond_HasNoProblems()
    {
        var problems = FlowGraph.Validate([Node("a"), Node("b"), Node("c"), Node("d")], [Edge("a", "b"), Edge("a", "c"), Edge("b", "d"), Edge("c", "d")], Jobs);

        Assert.Empty(problems);
    }

    [Fact]
    public void ACycle_IsRejected_NamingItsNodesInOrder()
    {
        var problems = FlowGraph.Validate([Node("start"), Node("a"), Node("b"), Node("c")], [Edge("start", "a"), Edge("a", "b"), Edge("b", "c"), Edge("c", "a")], Jobs);

        var cycle = Assert.Single(problems);
        Assert.Equal("scheduler.flow.cycle", cycle.Code);
        Assert.Equal(["a", "b", "c"], cycle.Nodes);
        Assert.Equal("a → b → c → a", cycle.Args[0]);
    }

    [Fact]
    public void ASelfLoop_IsACycle()
    {
        var problem = Assert.Single(FlowGraph.Validate([Node("a")], [Edge("a", "a")], Jobs));

        Assert.Equal(("scheduler.flow.cycle", "a"), (problem.Code, problem.Nodes.Single()));
    }

    [Fact]
    public void EmptyFlows_DanglingAndDuplicateEdges_MissingAndDisabledJobs_AreEachNamed()
    {
        Assert.Equal("scheduler.flow.empty", Assert.Single(FlowGraph.Validate([], [], Jobs)).Code);

        var problems = FlowGraph.Validate(
            [Node("a"), Node("b"), Node("ghost", job: 99), Node("stale", job: 3), Node("a")],
            [Edge("a", "b"), Edge("a", "b"), Edge("b", "nowhere")],
            Jobs);

        Assert.Equal(
            ["scheduler.flow.dangling_edge", "scheduler.flow.duplicate_edge", "scheduler.flow.duplicate_node", "scheduler.flow.job_disabled", "scheduler.flow.job_missing"],
            problems.Select(p => p.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["ghost"], problems.Single(p => p.Code == "scheduler.flow.job_missing").Nodes);
        Assert.Equal(["stale"], problems.Single(p => p.Code == "scheduler.flow.job_disabled").Nodes);
        Assert.Equal(["b", "nowhere"], problems.Single(p => p.Code == "scheduler.flow.dangling_edge").Nodes);
    }

    [Fact]
    public void AThousandNodeChain_IsCheckedWithoutRecursion()
    {
        var nodes = Enumerable.Range(0, 1000).Select(i => Node($"n{i}")).ToList();
        var edges = Enumerable.Range(0, 999).Select(i => Edge($"n{i}", $"n{i + 1}")).ToList();

        Assert.Empty(FlowGraph.Validate(nodes, edges, Jobs));
        Assert.Null(new FlowGraph(nodes, edges).FindCycle());
        Assert.Equal(1000, new FlowGraph(nodes, edges.Append(Edge("n999", "n0")).ToList()).FindCycle()!.Count);
    }

    [Fact]
    public void Parameters_ResolveUpstreamResults_AndNameTheirReferences()
    {
        const string parameters = """{"file":"${nodes.extract.result}","mode":"full","n":3}""";

        Assert.Equal(["extract"], FlowParameters.References(parameters));
        Assert.Equal("""{"file":"/data/out 2026.csv","mode":"full","n":3}""", FlowParameters.Resolve(parameters, new Dictionary<string, string?> { ["extract"] = " /data/out 2026.csv\n" }));
        Assert.True(FlowParameters.Valid(parameters));
        Assert.False(FlowParameters.Valid("[1,2]"));
        Assert.False(FlowParameters.Valid("{oops"));
        Assert.Null(FlowParameters.Resolve(" ", new Dictionary<string, string?>()));
    }

    internal static FlowNodeSpec Node(string key, long job = 1, FailurePolicy policy = FailurePolicy.FailFlow) => new(key, job, policy);

    internal static FlowEdgeSpec Edge(string from, string to) => new(from, to);
}
