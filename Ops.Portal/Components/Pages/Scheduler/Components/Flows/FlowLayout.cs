namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>A node's place on the canvas (its top-left corner, in canvas units).</summary>
public readonly record struct FlowPoint(double X, double Y);

/// <summary>
/// Auto-layout of a drawing: layered left to right by topological depth (a node sits one column right of
/// its deepest upstream node), each column stacked top-down in the order the nodes were drawn (by Y) and
/// centred on the tallest column. Nodes on a cycle have no depth; they go in one column after the rest.
/// </summary>
internal static class FlowLayout
{
    public const double ColumnWidth = 260;
    public const double RowHeight = 100;
    public const double Margin = 40;

    public static IReadOnlyDictionary<string, FlowPoint> Arrange(
        IReadOnlyList<(string Key, FlowPoint At)> nodes, IReadOnlyCollection<(string From, string To)> edges)
    {
        var depth = Depths(nodes.Select(n => n.Key).ToList(), edges);
        var columns = nodes
            .GroupBy(n => depth[n.Key])
            .OrderBy(g => g.Key)
            .Select(g => g.OrderBy(n => n.At.Y).ThenBy(n => n.At.X).ThenBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Key).ToList())
            .ToList();
        var tallest = columns.Count == 0 ? 0 : columns.Max(c => c.Count);
        var places = new Dictionary<string, FlowPoint>(StringComparer.Ordinal);
        for (var column = 0; column < columns.Count; column++)
        {
            var offset = (tallest - columns[column].Count) * RowHeight / 2;
            for (var row = 0; row < columns[column].Count; row++)
            {
                places[columns[column][row]] = new FlowPoint(Margin + column * ColumnWidth, Margin + offset + row * RowHeight);
            }
        }

        return places;
    }

    /// <summary>Longest path from a node without upstream (Kahn's order); nodes left over sit on or behind a cycle.</summary>
    public static IReadOnlyDictionary<string, int> Depths(IReadOnlyCollection<string> keys, IReadOnlyCollection<(string From, string To)> edges)
    {
        var known = keys.ToHashSet(StringComparer.Ordinal);
        var links = edges.Where(e => known.Contains(e.From) && known.Contains(e.To) && e.From != e.To).Distinct().ToList();
        var incoming = keys.ToDictionary(k => k, k => links.Count(e => e.To == k), StringComparer.Ordinal);
        var depth = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var ready = new Queue<string>(keys.Where(k => incoming[k] == 0));
        var placed = new HashSet<string>(StringComparer.Ordinal);
        while (ready.TryDequeue(out var key))
        {
            placed.Add(key);
            foreach (var edge in links.Where(e => e.From == key))
            {
                depth[edge.To] = Math.Max(depth[edge.To], depth[key] + 1);
                if (--incoming[edge.To] == 0)
                {
                    ready.Enqueue(edge.To);
                }
            }
        }

        var afterAll = placed.Count == 0 ? 0 : placed.Max(k => depth[k]) + 1;
        foreach (var key in keys.Where(k => !placed.Contains(k)))
        {
            depth[key] = afterAll;
        }

        return depth;
    }
}
