namespace Ops.Domain.Approvals;

/// <summary>
/// Checks a drawn process before publishing: one start, an end reachable from it, no dangling or dead-end
/// node, one exit per plain node, exactly one default per condition branch, no cycle, and sound node settings.
/// Every problem at once, naming its nodes, so the designer can mark them all.
/// </summary>
public static partial class ProcessRules
{
    public const int MaxLevelsUp = 20;

    public static IReadOnlyList<ApprovalProblem> Validate(ApprovalProcess process, ApprovalForm form)
    {
        var problems = new List<ApprovalProblem>();
        void Add(string code, IReadOnlyList<string> keys, params object[] args) => problems.Add(new ApprovalProblem($"approval.process.{code}", keys, args));

        foreach (var duplicate in process.Nodes.GroupBy(n => n.Key, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Add("duplicate_node", [duplicate.Key], duplicate.Key);
        }

        foreach (var node in process.Nodes.Where(n => string.IsNullOrWhiteSpace(n.Key)))
        {
            Add("key_missing", [node.Key], node.Name);
        }

        var starts = process.Nodes.OfType<StartNode>().Select(n => n.Key).ToList();
        if (starts.Count != 1)
        {
            Add(starts.Count == 0 ? "start_missing" : "start_multiple", starts);
        }

        if (!process.Nodes.OfType<EndNode>().Any())
        {
            Add("end_missing", []);
        }

        var graph = new ProcessGraph(process);
        foreach (var edge in process.Edges)
        {
            if (!graph.Contains(edge.From) || !graph.Contains(edge.To))
            {
                Add("dangling_edge", [edge.From, edge.To], edge.From, edge.To);
            }
        }

        foreach (var duplicate in process.Edges.GroupBy(e => (e.From, e.To)).Where(g => g.Count() > 1))
        {
            Add("duplicate_edge", [duplicate.Key.From, duplicate.Key.To], duplicate.Key.From, duplicate.Key.To);
        }

        foreach (var node in graph.Nodes)
        {
            CheckExits(graph, node, Add);
        }

        if (starts.Count == 1)
        {
            CheckReach(graph, starts[0], Add);
        }

        if (graph.FindCycle() is { } cycle)
        {
            Add("cycle", cycle, string.Join(" → ", cycle.Append(cycle[0])));
        }

        CheckNodes(process, form, Add);
        return problems;
    }

    private static void CheckExits(ProcessGraph graph, ProcessNode node, Action<string, IReadOnlyList<string>, object[]> add)
    {
        var exits = graph.Outgoing(node.Key);
        switch (node)
        {
            case StartNode when graph.Incoming(node.Key).Count > 0:
                add("start_incoming", [node.Key], [node.Key]);
                break;
            case EndNode when exits.Count > 0:
                add("end_outgoing", [node.Key], [node.Key]);
                break;
            case ConditionNode:
                var defaults = exits.Count(e => e.IsDefault);
                if (defaults != 1)
                {
                    add(defaults == 0 ? "default_missing" : "default_multiple", [node.Key], [node.Key]);
                }

                foreach (var edge in exits.Where(e => !e.IsDefault && (e.Conditions ?? []).Count == 0))
                {
                    add("rule_missing", [edge.From, edge.To], [edge.From, edge.To]);
                }

                return;
            case EndNode:
                break;
            default:
                if (exits.Count != 1)
                {
                    add("one_exit", [node.Key], [node.Key, exits.Count]);
                }

                break;
        }

        foreach (var edge in exits.Where(e => e.IsDefault || e.Conditions is { Count: > 0 }))
        {
            add("rule_outside_branch", [edge.From, edge.To], [edge.From, edge.To]);
        }
    }

    private static void CheckReach(ProcessGraph graph, string start, Action<string, IReadOnlyList<string>, object[]> add)
    {
        var reachable = graph.Reach(start);
        var toEnd = graph.Nodes.OfType<EndNode>().SelectMany(e => graph.Reach(e.Key, backwards: true)).ToHashSet(StringComparer.Ordinal);
        if (!toEnd.Contains(start))
        {
            add("end_unreachable", [start], [start]);
        }

        foreach (var node in graph.Nodes.Select(n => n.Key).Order(StringComparer.Ordinal))
        {
            if (!reachable.Contains(node))
            {
                add("unreachable", [node], [node]);
            }
            else if (!toEnd.Contains(node) && node != start)
            {
                add("dead_end", [node], [node]);
            }
        }
    }
}
