using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using Ops.Portal.Components.Shared;
using Ops.Domain.Scheduler.Flows;

namespace Ops.Portal.Components.Pages.Scheduler.Components.Flows;

/// <summary>
/// The flow editor's drawing on a Z.Blazor.Diagrams <see cref="BlazorDiagram"/>: nodes are jobs, links are
/// dependencies from an output port to an input port. It turns the drawing into <see cref="FlowInput"/> nodes and
/// edges and back, places new nodes, lays the graph out and marks the nodes that problems name.
/// </summary>
internal sealed class FlowDrawing : EditorDrawing
{
    public FlowDrawing()
        : base(multiSelection: true)
    {
        Diagram.Options.Links.Factory = (_, source, target) => source is FlowPortModel { IsOutput: true } port ? NewLink(new SinglePortAnchor(port), target) : null;
        Diagram.RegisterComponent<FlowEditorNode, FlowNodeWidget>();
    }

    public IEnumerable<FlowEditorNode> Nodes => Diagram.Nodes.OfType<FlowEditorNode>();

    /// <summary>The one node the side panel edits: the selected node when exactly one is selected.</summary>
    public FlowEditorNode? Selected => Diagram.GetSelectedModels().OfType<FlowEditorNode>().ToList() is [var only] ? only : null;

    public void Load(IReadOnlyList<FlowNodeInput> nodes, IReadOnlyList<FlowEdgeInput> edges, IReadOnlyDictionary<long, FlowJobOption> jobs)
    {
        var byKey = new Dictionary<string, FlowEditorNode>(StringComparer.Ordinal);
        foreach (var input in nodes)
        {
            var job = jobs.GetValueOrDefault(input.JobId);
            byKey[input.Key] = Diagram.Nodes.Add(new FlowEditorNode(input, job?.Name ?? $"#{input.JobId}", job?.Type));
        }

        foreach (var edge in edges)
        {
            if (byKey.TryGetValue(edge.From, out var from) && byKey.TryGetValue(edge.To, out var to))
            {
                Diagram.Links.Add(NewLink(new SinglePortAnchor(from.Output), new SinglePortAnchor(to.Input)));
            }
        }

        if (FlowRunDrawing.Overlapping(nodes))
        {
            AutoLayout();
        }
    }

    /// <summary>Adds a node for the job at <paramref name="at"/>, or on a free place in the part of the drawing shown now.</summary>
    public FlowEditorNode Add(FlowJobOption job, FlowPoint? at = null)
    {
        var existing = Nodes.ToList();
        var place = at ?? FreePlace();
        var key = FlowNodeKeys.Create(job.Name, job.Id, existing.Select(n => n.Key));
        return Diagram.Nodes.Add(new FlowEditorNode(new FlowNodeInput(key, job.Id, place.X, place.Y), job.Name, job.Type));
    }

    public IReadOnlyList<FlowNodeInput> NodeInputs() => Nodes.Select(n => n.ToInput()).ToList();

    /// <summary>Links attached at both ends, from output to input; a link still being dragged is not an edge.</summary>
    public IReadOnlyList<FlowEdgeInput> Edges() => Diagram.Links
        .Select(l => (From: (l.Source as SinglePortAnchor)?.Port, To: (l.Target as SinglePortAnchor)?.Port))
        .Where(l => l.From?.Parent is FlowEditorNode && l.To?.Parent is FlowEditorNode)
        .Select(l => new FlowEdgeInput(((FlowEditorNode)l.From!.Parent).Key, ((FlowEditorNode)l.To!.Parent).Key))
        .ToList();

    public void AutoLayout()
    {
        var nodes = Nodes.ToList();
        var places = FlowLayout.Arrange(
            nodes.Select(n => (n.Key, new FlowPoint(n.Position.X, n.Position.Y))).ToList(),
            Edges().Select(e => (e.From, e.To)).ToList());
        Diagram.Batch(() =>
        {
            foreach (var node in nodes)
            {
                node.SetPosition(places[node.Key].X, places[node.Key].Y);
            }
        });
    }

    public Task DeleteSelectedAsync() => KeyboardShortcutsDefaults.DeleteSelection(Diagram).AsTask();

    /// <summary>Outlines exactly the nodes that <paramref name="problems"/> name.</summary>
    public void MarkProblems(IReadOnlyList<FlowProblem> problems)
    {
        var named = problems.SelectMany(p => p.Nodes).ToHashSet(StringComparer.Ordinal);
        foreach (var node in Nodes)
        {
            var marked = named.Contains(node.Key);
            if (node.HasProblem != marked)
            {
                node.HasProblem = marked;

                // The node renderer redraws only when its model says it changed.
                node.Refresh();
            }
        }
    }

    private static LinkModel NewLink(Anchor source, Anchor target) => new(source, target)
    {
        TargetMarker = LinkMarker.Arrow,
        Width = 2,
        Color = "#90a4ae",
        SelectedColor = "#1e88e5",
    };
}
