using Ops.Domain.Scheduler.Flows;
using static Ops.Domain.Tests.Scheduler.FlowGraphTests;

namespace Ops.Domain.Tests.Scheduler;

/// <summary>The engine's rules: a node starts when its upstream allows, branches run in parallel, failure policies decide the rest.</summary>
public sealed class FlowSchedulerTests
{
    [Fact]
    public void Diamond_RunsBAndCTogether_AndDAfterBoth()
    {
        var graph = Diamond(FailurePolicy.FailFlow);
        var states = Pending(graph);

        Assert.Equal(["a"], Step(graph, states).Start);
        states["a"] = FlowNodeStatus.Success;
        Assert.Equal(["b", "c"], Step(graph, states).Start);
        (states["b"], states["c"]) = (FlowNodeStatus.Success, FlowNodeStatus.Running);
        Assert.Empty(Step(graph, states).Start);
        states["c"] = FlowNodeStatus.Success;
        Assert.Equal(["d"], Step(graph, states).Start);
        states["d"] = FlowNodeStatus.Success;
        Assert.Equal(FlowStatus.Success, Step(graph, states).Finished);
    }

    [Fact]
    public void TheParallelLimit_CapsHowManyStart()
    {
        var nodes = Enumerable.Range(0, 10).Select(i => Node($"n{i}")).Prepend(Node("root")).ToList();
        var graph = new FlowGraph(nodes, Enumerable.Range(0, 10).Select(i => Edge("root", $"n{i}")).ToList());
        var states = Pending(graph);
        states["root"] = FlowNodeStatus.Success;
        states["n0"] = FlowNodeStatus.Running;

        Assert.Equal(2, Step(graph, states, limit: 3).Start.Count);
    }

    [Fact]
    public void FailFlow_StopsRunningNodes_CancelsTheRest_AndFails()
    {
        var graph = Diamond(FailurePolicy.FailFlow);
        var states = Pending(graph);
        (states["a"], states["b"], states["c"]) = (FlowNodeStatus.Success, FlowNodeStatus.Failed, FlowNodeStatus.Running);

        var decision = Step(graph, states);
        Assert.Equal(["c"], decision.Stop);
        Assert.Equal(["d"], decision.Cancel);
        Assert.Null(decision.Finished);

        (states["c"], states["d"]) = (FlowNodeStatus.Cancelled, FlowNodeStatus.Cancelled);
        Assert.Equal(FlowStatus.Failed, Step(graph, states).Finished);
    }

    [Fact]
    public void ContinueOthers_LetsDownstreamRunAnyway_AndEndsPartial()
    {
        var graph = Diamond(FailurePolicy.ContinueOthers);
        var states = Pending(graph);
        (states["a"], states["b"], states["c"]) = (FlowNodeStatus.Success, FlowNodeStatus.Failed, FlowNodeStatus.Success);

        Assert.Equal(["d"], Step(graph, states).Start);
        states["d"] = FlowNodeStatus.Success;
        Assert.Equal(FlowStatus.Partial, Step(graph, states).Finished);
    }

    [Fact]
    public void SkipDownstream_BlocksTheFailedBranch_OtherBranchesGoOn_AndEndsPartial()
    {
        // a → b → d, a → c → e: b fails and skips d; c and e still run.
        var graph = new FlowGraph(
            [Node("a"), Node("b", policy: FailurePolicy.SkipDownstream), Node("c"), Node("d"), Node("e")],
            [Edge("a", "b"), Edge("a", "c"), Edge("b", "d"), Edge("c", "e")]);
        var states = Pending(graph);
        (states["a"], states["b"], states["c"]) = (FlowNodeStatus.Success, FlowNodeStatus.Failed, FlowNodeStatus.Success);

        var decision = Step(graph, states);
        Assert.Equal(["d"], decision.Block);
        Assert.Equal(["e"], decision.Start);
        (states["d"], states["e"]) = (FlowNodeStatus.UpstreamFailed, FlowNodeStatus.Success);
        Assert.Equal(FlowStatus.Partial, Step(graph, states).Finished);
    }

    [Fact]
    public void SkippedByHand_CountsAsDone_AndAllFailedIsFailed()
    {
        var graph = Diamond(FailurePolicy.SkipDownstream);
        var states = Pending(graph);
        (states["a"], states["b"], states["c"]) = (FlowNodeStatus.Success, FlowNodeStatus.Skipped, FlowNodeStatus.Success);
        Assert.Equal(["d"], Step(graph, states).Start);
        states["d"] = FlowNodeStatus.Success;
        Assert.Equal(FlowStatus.Success, Step(graph, states).Finished);

        Assert.Equal(FlowStatus.Failed, FlowScheduler.Outcome([FlowNodeStatus.Failed, FlowNodeStatus.UpstreamFailed]));
    }

    [Fact]
    public void Cancel_StopsRunning_CancelsPending_AndEndsCancelled()
    {
        var graph = Diamond(FailurePolicy.FailFlow);
        var states = Pending(graph);
        (states["a"], states["b"]) = (FlowNodeStatus.Success, FlowNodeStatus.Running);

        var decision = FlowScheduler.Next(graph, states, cancelRequested: true, 4);
        Assert.Equal(["b"], decision.Stop);
        Assert.Equal(["c", "d"], decision.Cancel);
        (states["b"], states["c"], states["d"]) = (FlowNodeStatus.Cancelled, FlowNodeStatus.Cancelled, FlowNodeStatus.Cancelled);
        Assert.Equal(FlowStatus.Cancelled, FlowScheduler.Next(graph, states, cancelRequested: true, 4).Finished);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void ARandom200NodeDag_NeverStartsANodeBeforeItsUpstreamEnds(int seed)
    {
        var random = new Random(seed);
        var nodes = Enumerable.Range(0, 200).Select(i => Node($"n{i:000}")).ToList();
        var edges = new List<FlowEdgeSpec>();
        for (var to = 1; to < 200; to++)
        {
            foreach (var from in Enumerable.Range(0, to).Where(_ => random.NextDouble() < 0.02).Append(random.Next(to)).Distinct())
            {
                edges.Add(Edge($"n{from:000}", $"n{to:000}"));
            }
        }

        var graph = new FlowGraph(nodes, edges);
        var states = Pending(graph);
        var ended = new HashSet<string>(StringComparer.Ordinal);
        FlowDecision decision;
        var steps = 0;
        while ((decision = FlowScheduler.Next(graph, states, false, 8)).Finished is null)
        {
            foreach (var key in decision.Start)
            {
                Assert.All(graph.Upstream(key), u => Assert.Contains(u, ended));
                states[key] = FlowNodeStatus.Running;
            }

            // Finish a random running node, as real jobs end in any order.
            var running = states.Where(s => s.Value == FlowNodeStatus.Running).Select(s => s.Key).ToList();
            var done = running[random.Next(running.Count)];
            states[done] = FlowNodeStatus.Success;
            ended.Add(done);
            Assert.True(++steps < 1000);
        }

        Assert.Equal(FlowStatus.Success, decision.Finished);
        Assert.Equal(200, ended.Count);
    }

    private static FlowGraph Diamond(FailurePolicy policy) => new(
        [Node("a"), Node("b", policy: policy), Node("c", policy: policy), Node("d")],
        [Edge("a", "b"), Edge("a", "c"), Edge("b", "d"), Edge("c", "d")]);

    private static Dictionary<string, FlowNodeStatus> Pending(FlowGraph graph) =>
        graph.Nodes.ToDictionary(n => n.Key, _ => FlowNodeStatus.Pending, StringComparer.Ordinal);

    private static FlowDecision Step(FlowGraph graph, Dictionary<string, FlowNodeStatus> states, int limit = 4) => FlowScheduler.Next(graph, states, false, limit);
}
