namespace Ops.Domain.Scheduler.Flows;

public enum FlowNodeStatus
{
    Pending,
    Running,
    Success,
    Failed,

    /// <summary>Skipped by a person: counts as done for its downstream.</summary>
    Skipped,

    /// <summary>Not run because an upstream node failed (skip-downstream policy) or was itself blocked.</summary>
    UpstreamFailed,
    Cancelled,
}

public enum FlowStatus
{
    Pending,
    Running,
    Success,
    Failed,
    Partial,
    Cancelled,
}

/// <summary>
/// What the engine does next: nodes to start (within the parallel limit), nodes that can never run
/// (blocked upstream), running nodes to stop and pending ones to cancel (the flow is failing or
/// cancelled), and the flow's final status once nothing is pending or running.
/// </summary>
public sealed record FlowDecision(
    IReadOnlyList<string> Start,
    IReadOnlyList<string> Block,
    IReadOnlyList<string> Stop,
    IReadOnlyList<string> Cancel,
    FlowStatus? Finished);

/// <summary>The pure rules of a flow run: a node starts when every upstream node succeeded (or as their failure policy says).</summary>
public static class FlowScheduler
{
    public static FlowDecision Next(FlowGraph graph, IReadOnlyDictionary<string, FlowNodeStatus> states, bool cancelRequested, int parallelLimit)
    {
        var current = new Dictionary<string, FlowNodeStatus>(states, StringComparer.Ordinal);
        var failedHard = graph.Nodes.Any(n => current[n.Key] == FlowNodeStatus.Failed && n.Policy == FailurePolicy.FailFlow);
        if (cancelRequested || failedHard)
        {
            var stop = Keys(current, FlowNodeStatus.Running);
            var cancel = Keys(current, FlowNodeStatus.Pending);
            FlowStatus? finished = stop.Count == 0 ? (cancelRequested ? FlowStatus.Cancelled : FlowStatus.Failed) : null;
            return new FlowDecision([], [], stop, cancel, finished);
        }

        var block = Propagate(graph, current);
        var running = current.Values.Count(s => s == FlowNodeStatus.Running);
        var start = graph.Nodes
            .Where(n => current[n.Key] == FlowNodeStatus.Pending && graph.Upstream(n.Key).All(u => Satisfied(graph, current, u)))
            .Select(n => n.Key)
            .Order(StringComparer.Ordinal)
            .Take(Math.Max(0, parallelLimit - running))
            .ToList();
        var open = current.Values.Any(s => s is FlowNodeStatus.Pending or FlowNodeStatus.Running);
        return new FlowDecision(start, block, [], [], open || start.Count > 0 ? null : Outcome(current.Values));
    }

    /// <summary>The final status of finished node states: all done well is success, some is partial, none is failed.</summary>
    public static FlowStatus Outcome(IEnumerable<FlowNodeStatus> states)
    {
        var list = states.ToList();
        if (list.All(s => s is FlowNodeStatus.Success or FlowNodeStatus.Skipped))
        {
            return FlowStatus.Success;
        }

        return list.Any(s => s is FlowNodeStatus.Success) ? FlowStatus.Partial : FlowStatus.Failed;
    }

    /// <summary>Marks (in <paramref name="current"/>) and returns the pending nodes that can no longer run.</summary>
    private static List<string> Propagate(FlowGraph graph, Dictionary<string, FlowNodeStatus> current)
    {
        var blocked = new List<string>();
        bool changed;
        do
        {
            changed = false;
            foreach (var node in graph.Nodes.Where(n => current[n.Key] == FlowNodeStatus.Pending))
            {
                if (graph.Upstream(node.Key).Any(u => Blocks(graph, current, u)))
                {
                    current[node.Key] = FlowNodeStatus.UpstreamFailed;
                    blocked.Add(node.Key);
                    changed = true;
                }
            }
        }
        while (changed);

        return blocked;
    }

    private static bool Satisfied(FlowGraph graph, Dictionary<string, FlowNodeStatus> current, string upstream) => current[upstream] switch
    {
        FlowNodeStatus.Success or FlowNodeStatus.Skipped => true,
        FlowNodeStatus.Failed => graph.Node(upstream).Policy == FailurePolicy.ContinueOthers,
        _ => false,
    };

    private static bool Blocks(FlowGraph graph, Dictionary<string, FlowNodeStatus> current, string upstream) => current[upstream] switch
    {
        FlowNodeStatus.UpstreamFailed or FlowNodeStatus.Cancelled => true,
        FlowNodeStatus.Failed => graph.Node(upstream).Policy == FailurePolicy.SkipDownstream,
        _ => false,
    };

    private static List<string> Keys(Dictionary<string, FlowNodeStatus> states, FlowNodeStatus status) =>
        states.Where(p => p.Value == status).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
}
