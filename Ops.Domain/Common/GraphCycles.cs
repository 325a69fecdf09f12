namespace Ops.Domain.Common;

/// <summary>
/// Finds a cycle in a directed graph given by its node ids and a successor function: one implementation for scheduler
/// flows and approval processes. Iterative depth-first search, so long chains do not exhaust the stack; roots are
/// visited in the order given, so the cycle reported is stable for the same drawing.
/// </summary>
public static class GraphCycles
{
    /// <summary>The nodes of one cycle in path order (the first node's predecessor is the last), or null when there is none.</summary>
    public static IReadOnlyList<TNode>? Find<TNode>(
        IEnumerable<TNode> nodes, Func<TNode, IEnumerable<TNode>> successors, IEqualityComparer<TNode>? comparer = null)
        where TNode : notnull
    {
        var onPath = new HashSet<TNode>(comparer);
        var done = new HashSet<TNode>(comparer);
        var path = new List<TNode>();
        var frames = new Stack<IEnumerator<TNode>>();
        foreach (var root in nodes)
        {
            if (done.Contains(root) || !onPath.Add(root))
            {
                continue;
            }

            path.Add(root);
            frames.Push(successors(root).GetEnumerator());
            while (frames.TryPeek(out var children))
            {
                if (!children.MoveNext())
                {
                    children.Dispose();
                    frames.Pop();
                    var finished = path[^1];
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(finished);
                    done.Add(finished);
                    continue;
                }

                var child = children.Current;
                if (onPath.Contains(child))
                {
                    var comparison = comparer ?? EqualityComparer<TNode>.Default;
                    return path.Skip(path.FindIndex(n => comparison.Equals(n, child))).ToList();
                }

                if (!done.Contains(child))
                {
                    onPath.Add(child);
                    path.Add(child);
                    frames.Push(successors(child).GetEnumerator());
                }
            }
        }

        return null;
    }
}
