using System.Text.Json;
using Ops.Domain.Common;

namespace Ops.Domain.Approvals;

/// <summary>
/// The navigable form of an <see cref="ApprovalProcess"/>: nodes by key, edges by end, the next node
/// for given form data, the route from start, reachability and cycles. Tolerates broken drawings so
/// the validator can use it too.
/// </summary>
public sealed class ProcessGraph
{
    private readonly Dictionary<string, ProcessNode> _nodes;
    private readonly Dictionary<string, List<ProcessEdge>> _outgoing;
    private readonly Dictionary<string, List<ProcessEdge>> _incoming;

    public ProcessGraph(ApprovalProcess process)
    {
        _nodes = process.Nodes.GroupBy(n => n.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _outgoing = _nodes.Keys.ToDictionary(k => k, _ => new List<ProcessEdge>(), StringComparer.Ordinal);
        _incoming = _nodes.Keys.ToDictionary(k => k, _ => new List<ProcessEdge>(), StringComparer.Ordinal);
        foreach (var edge in process.Edges.Where(e => _nodes.ContainsKey(e.From) && _nodes.ContainsKey(e.To)))
        {
            _outgoing[edge.From].Add(edge);
            _incoming[edge.To].Add(edge);
        }
    }

    public IReadOnlyCollection<ProcessNode> Nodes => _nodes.Values;

    public StartNode? Start => _nodes.Values.OfType<StartNode>().FirstOrDefault();

    public ProcessNode Node(string key) => _nodes[key];

    public bool Contains(string key) => _nodes.ContainsKey(key);

    public IReadOnlyList<ProcessEdge> Outgoing(string key) => _outgoing[key];

    public IReadOnlyList<ProcessEdge> Incoming(string key) => _incoming[key];

    /// <summary>The node after <paramref name="key"/> for this data, or null when the drawing gives none.</summary>
    public string? Next(string key, IReadOnlyDictionary<string, JsonElement> data)
    {
        var edges = _outgoing[key];
        if (_nodes[key] is ConditionNode)
        {
            var chosen = edges.FirstOrDefault(e => !e.IsDefault && Conditions.Match(e.Conditions ?? [], data))
                ?? edges.FirstOrDefault(e => e.IsDefault);
            return chosen?.To;
        }

        return edges.Count == 1 ? edges[0].To : null;
    }

    /// <summary>The keys from start to an end that this data takes; shorter when the drawing is broken.</summary>
    public IReadOnlyList<string> Route(IReadOnlyDictionary<string, JsonElement> data)
    {
        var route = new List<string>();
        var key = Start?.Key;
        while (key is not null && route.Count <= _nodes.Count)
        {
            route.Add(key);
            key = _nodes[key] is EndNode ? null : Next(key, data);
        }

        return route;
    }

    /// <summary>Keys reachable from <paramref name="key"/> following edges forwards (or backwards), itself included.</summary>
    public IReadOnlySet<string> Reach(string key, bool backwards = false)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { key };
        var stack = new Stack<string>([key]);
        while (stack.TryPop(out var next))
        {
            var edges = backwards ? _incoming[next] : _outgoing[next];
            foreach (var other in edges.Select(e => backwards ? e.From : e.To).Where(seen.Add))
            {
                stack.Push(other);
            }
        }

        return seen;
    }

    /// <summary>The nodes of one cycle in order, or null.</summary>
    public IReadOnlyList<string>? FindCycle() =>
        GraphCycles.Find(_nodes.Keys.Order(StringComparer.Ordinal), key => _outgoing[key].Select(e => e.To), StringComparer.Ordinal);
}
