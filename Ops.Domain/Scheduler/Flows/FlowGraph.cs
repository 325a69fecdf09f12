using Ops.Domain.Common;

namespace Ops.Domain.Scheduler.Flows;

/// <summary>What a node's failure does to the rest of the flow.</summary>
public enum FailurePolicy
{
    /// <summary>The flow fails at once: running nodes are stopped, nothing else starts.</summary>
    FailFlow,

    /// <summary>The failure is recorded and its downstream nodes run anyway; the flow ends partial.</summary>
    ContinueOthers,

    /// <summary>Its downstream nodes are skipped; other branches go on; the flow ends partial.</summary>
    SkipDownstream,
}

/// <summary>A node of a flow as the graph sees it: a key unique in the flow, the job it runs, its failure policy.</summary>
public sealed record FlowNodeSpec(string Key, long JobId, FailurePolicy Policy = FailurePolicy.FailFlow);

/// <summary>A dependency: <see cref="To"/> waits for <see cref="From"/>.</summary>
public sealed record FlowEdgeSpec(string From, string To);

/// <summary>One problem of a drawn flow, with the node or edge it is about so the editor can mark it.</summary>
public sealed record FlowProblem(string Code, IReadOnlyList<string> Nodes, params object[] Args);

/// <summary>What the validator needs to know of a job a node points at.</summary>
public sealed record FlowJobInfo(long Id, string Name, bool Enabled);

/// <summary>
/// The DAG of a flow: validation (cycles naming their nodes, dangling and duplicate edges,
/// missing or disabled jobs, an empty flow) and the upstream/downstream maps the engine walks.
/// </summary>
public sealed class FlowGraph
{
    private readonly Dictionary<string, FlowNodeSpec> _nodes;
    private readonly Dictionary<string, List<string>> _upstream;
    private readonly Dictionary<string, List<string>> _downstream;

    public FlowGraph(IReadOnlyCollection<FlowNodeSpec> nodes, IReadOnlyCollection<FlowEdgeSpec> edges)
    {
        _nodes = nodes.GroupBy(n => n.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _upstream = _nodes.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        _downstream = _nodes.Keys.ToDictionary(k => k, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var edge in edges.Distinct())
        {
            if (_nodes.ContainsKey(edge.From) && _nodes.ContainsKey(edge.To))
            {
                _upstream[edge.To].Add(edge.From);
                _downstream[edge.From].Add(edge.To);
            }
        }

        Edges = edges;
    }

    public IReadOnlyCollection<FlowNodeSpec> Nodes => _nodes.Values;

    public IReadOnlyCollection<FlowEdgeSpec> Edges { get; }

    public FlowNodeSpec Node(string key) => _nodes[key];

    public IReadOnlyList<string> Upstream(string key) => _upstream[key];

    public IReadOnlyList<string> Downstream(string key) => _downstream[key];

    /// <summary>Every node reachable downstream of <paramref name="key"/>, not including it.</summary>
    public IReadOnlyCollection<string> AllDownstream(string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(_downstream[key]);
        while (stack.TryPop(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var child in _downstream[next])
                {
                    stack.Push(child);
                }
            }
        }

        return seen;
    }

    /// <summary>All problems at once, so the editor can mark them all on the canvas.</summary>
    public static IReadOnlyList<FlowProblem> Validate(
        IReadOnlyCollection<FlowNodeSpec> nodes, IReadOnlyCollection<FlowEdgeSpec> edges, IReadOnlyDictionary<long, FlowJobInfo> jobs)
    {
        var problems = new List<FlowProblem>();
        if (nodes.Count == 0)
        {
            problems.Add(new FlowProblem("scheduler.flow.empty", []));
            return problems;
        }

        foreach (var duplicate in nodes.GroupBy(n => n.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(new FlowProblem("scheduler.flow.duplicate_node", [duplicate.Key], duplicate.Key));
        }

        foreach (var node in nodes)
        {
            if (!jobs.TryGetValue(node.JobId, out var job))
            {
                problems.Add(new FlowProblem("scheduler.flow.job_missing", [node.Key], node.Key, node.JobId));
            }
            else if (!job.Enabled)
            {
                problems.Add(new FlowProblem("scheduler.flow.job_disabled", [node.Key], node.Key, job.Name));
            }
        }

        var keys = nodes.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var edge in edges)
        {
            if (!keys.Contains(edge.From) || !keys.Contains(edge.To))
            {
                problems.Add(new FlowProblem("scheduler.flow.dangling_edge", [edge.From, edge.To], edge.From, edge.To));
            }
            else if (edge.From == edge.To)
            {
                problems.Add(new FlowProblem("scheduler.flow.cycle", [edge.From], edge.From));
            }
        }

        foreach (var duplicate in edges.GroupBy(e => e).Where(g => g.Count() > 1))
        {
            problems.Add(new FlowProblem("scheduler.flow.duplicate_edge", [duplicate.Key.From, duplicate.Key.To], duplicate.Key.From, duplicate.Key.To));
        }

        if (new FlowGraph(nodes, edges.Where(e => e.From != e.To).ToList()).FindCycle() is { } cycle)
        {
            problems.Add(new FlowProblem("scheduler.flow.cycle", cycle, string.Join(" → ", cycle.Append(cycle[0]))));
        }

        return problems;
    }

    /// <summary>The nodes of one cycle in order, or null when the graph is acyclic.</summary>
    public IReadOnlyList<string>? FindCycle() =>
        GraphCycles.Find(_nodes.Keys.Order(StringComparer.Ordinal), key => _downstream[key], StringComparer.Ordinal);

    /// <summary>The graph or the first problem as an error.</summary>
    public static Result<FlowGraph> Build(IReadOnlyCollection<FlowNodeSpec> nodes, IReadOnlyCollection<FlowEdgeSpec> edges, IReadOnlyDictionary<long, FlowJobInfo> jobs)
    {
        var problems = Validate(nodes, edges, jobs);
        return problems.Count > 0
            ? Error.Invalid(problems[0].Code, problems[0].Args)
            : new FlowGraph(nodes, edges);
    }
}
