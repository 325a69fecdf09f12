using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Options;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>
/// An instance's DAG drawn read-only from the snapshot it runs (<see cref="FlowInstanceDetail.Layout"/> and edges):
/// nothing can be moved, linked or deleted, but the view pans and zooms. <see cref="Update"/> recolours the nodes.
/// </summary>
internal sealed class FlowRunDrawing
{
    public FlowRunDrawing(FlowInstanceDetail detail)
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = false, AllowPanning = true };
        options.Zoom.Minimum = 0.3;
        options.Zoom.Maximum = 2;
        Diagram = new BlazorDiagram(options);
        Diagram.UnregisterBehavior<DragMovablesBehavior>();
        Diagram.UnregisterBehavior<DragNewLinkBehavior>();
        Diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        Diagram.RegisterComponent<FlowRunNode, FlowRunNodeWidget>();

        var names = detail.Nodes.ToDictionary(n => n.Key, n => n.JobName, StringComparer.Ordinal);
        var byKey = new Dictionary<string, FlowRunNode>(StringComparer.Ordinal);
        var places = Overlapping(detail.Layout)
            ? FlowLayout.Arrange(detail.Layout.Select(n => (n.Key, new FlowPoint(n.X, n.Y))).ToList(), detail.Edges.Select(e => (e.From, e.To)).ToList())
            : null;
        foreach (var layout in detail.Layout)
        {
            var at = places?.GetValueOrDefault(layout.Key) ?? new FlowPoint(layout.X, layout.Y);
            var node = new FlowRunNode(layout with { X = at.X, Y = at.Y }, names.GetValueOrDefault(layout.Key) ?? $"#{layout.JobId}") { Locked = true };
            foreach (var port in node.Ports)
            {
                port.Locked = true;
            }

            byKey[layout.Key] = Diagram.Nodes.Add(node);
        }

        foreach (var edge in detail.Edges)
        {
            if (byKey.TryGetValue(edge.From, out var from) && byKey.TryGetValue(edge.To, out var to))
            {
                Diagram.Links.Add(new LinkModel(new SinglePortAnchor(from.Output), new SinglePortAnchor(to.Input))
                {
                    TargetMarker = LinkMarker.Arrow,
                    Width = 2,
                    Color = "#90a4ae",
                    Locked = true,
                });
            }
        }

        Order = detail.Layout.OrderBy(n => n.X).ThenBy(n => n.Y).Select(n => n.Key).ToList();
        Update(detail.Nodes);
    }

    public BlazorDiagram Diagram { get; }

    /// <summary>Flows made outside the editor may have every node at one place; those are laid out instead.</summary>
    public static bool Overlapping(IReadOnlyCollection<FlowNodeInput> nodes) => nodes.Select(n => (n.X, n.Y)).Distinct().Count() < nodes.Count;

    /// <summary>Keys left to right, then top to bottom: the Gantt chart's rows.</summary>
    public IReadOnlyList<string> Order { get; }

    /// <summary>Takes each node's state from the instance and redraws the nodes that changed.</summary>
    public void Update(IReadOnlyList<FlowNodeRunRow> runs)
    {
        var nodes = Diagram.Nodes.OfType<FlowRunNode>().ToDictionary(n => n.Key, StringComparer.Ordinal);
        foreach (var run in runs)
        {
            if (nodes.TryGetValue(run.Key, out var node) && (node.Status, node.JobLogId, node.Forced) != (run.Status, run.JobLogId, run.Forced))
            {
                (node.Status, node.JobLogId, node.Forced) = (run.Status, run.JobLogId, run.Forced);

                // The node renderer redraws only when its model says it changed.
                node.Refresh();
            }
        }
    }
}
