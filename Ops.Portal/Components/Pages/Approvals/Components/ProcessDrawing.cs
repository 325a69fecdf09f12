using Blazor.Diagrams;
using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Behaviors;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Blazor.Diagrams.Options;
using Ops.Portal.Components.Shared;
using Ops.Domain.Approvals;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>
/// An approval process on a Z.Blazor.Diagrams <see cref="BlazorDiagram"/>, the same way the flow editor draws jobs:
/// nodes carry the domain <see cref="ProcessNode"/>, links are transitions from an output to an input port. Turns an
/// <see cref="ApprovalProcess"/> into a drawing and back (with the layout), places new nodes, lays the graph out,
/// marks what problems name and, read-only, colours nodes by an application's progress.
/// Public only because the designer components take it as a parameter.
/// </summary>
public sealed partial class ProcessDrawing : EditorDrawing
{
    public ProcessDrawing(bool readOnly = false)
        : base(multiSelection: !readOnly)
    {
        ReadOnly = readOnly;
        Diagram.Options.Links.Factory = (_, source, target) => !readOnly && source is ProcessPortModel { IsOutput: true } port ? NewLink(new SinglePortAnchor(port), target) : null;
        if (readOnly)
        {
            Diagram.UnregisterBehavior<DragMovablesBehavior>();
            Diagram.UnregisterBehavior<DragNewLinkBehavior>();
            Diagram.UnregisterBehavior<KeyboardShortcutsBehavior>();
        }

        Diagram.RegisterComponent<ProcessNodeModel, ProcessNodeWidget>();
    }

    public bool ReadOnly { get; }

    public IEnumerable<ProcessNodeModel> Nodes => Diagram.Nodes.OfType<ProcessNodeModel>();

    /// <summary>Transitions attached at both ends, in the order branches are tried.</summary>
    public IEnumerable<ProcessLinkModel> Links => Diagram.Links.OfType<ProcessLinkModel>().Where(l => l.From is not null && l.To is not null).OrderBy(l => l.BranchOrder);

    /// <summary>The node the side panel edits: the selected node when exactly one is selected.</summary>
    public ProcessNodeModel? SelectedNode => Diagram.GetSelectedModels().OfType<ProcessNodeModel>().ToList() is [var only] ? only : null;

    /// <summary>The transition the side panel edits: the one selected link when no node is selected.</summary>
    public ProcessLinkModel? SelectedLink => SelectedNode is null && Diagram.GetSelectedModels().OfType<ProcessLinkModel>().ToList() is [var only] ? only : null;

    public ProcessNodeModel? Node(string key) => Nodes.FirstOrDefault(n => n.Key == key);

    /// <summary>Draws <paramref name="process"/> where its layout puts the nodes, or laid out when the layout is missing or piles nodes up.</summary>
    public void Load(ApprovalProcess process)
    {
        var layout = process.Layout ?? new Dictionary<string, NodePosition>();
        var byKey = new Dictionary<string, ProcessNodeModel>(StringComparer.Ordinal);
        foreach (var node in process.Nodes.Where(n => !byKey.ContainsKey(n.Key)))
        {
            var at = layout.GetValueOrDefault(node.Key);
            byKey[node.Key] = Diagram.Nodes.Add(Locked(new ProcessNodeModel(node, at?.X ?? 0, at?.Y ?? 0)));
        }

        var order = 0;
        foreach (var edge in process.Edges)
        {
            // An edge the drawing cannot hold (unknown node, out of an end or into a start) is left out.
            if (byKey.GetValueOrDefault(edge.From)?.Output is { } output && byKey.GetValueOrDefault(edge.To)?.Input is { } input)
            {
                var link = NewLink(new SinglePortAnchor(output), new SinglePortAnchor(input));
                (link.Conditions, link.IsDefault, link.BranchOrder, link.Locked) = (edge.Conditions ?? [], edge.IsDefault, order++, ReadOnly);
                Diagram.Links.Add(link);
            }
        }

        var placed = process.Nodes.Where(n => layout.ContainsKey(n.Key)).Select(n => layout[n.Key]).ToList();
        if (placed.Count < process.Nodes.Count || placed.Distinct().Count() < placed.Count)
        {
            AutoLayout();
        }
    }

    /// <summary>Adds <paramref name="node"/> at <paramref name="at"/>, or on a free place in the part of the drawing shown now.</summary>
    public ProcessNodeModel Add(ProcessNode node, FlowPoint? at = null)
    {
        var place = at ?? FreePlace();
        return Diagram.Nodes.Add(new ProcessNodeModel(node, place.X, place.Y));
    }

    /// <summary>The first free key <c>prefix_1</c>, <c>prefix_2</c>, …</summary>
    public string NewKey(string prefix)
    {
        var taken = Nodes.Select(n => n.Key).ToHashSet(StringComparer.Ordinal);
        return Enumerable.Range(1, taken.Count + 1).Select(i => $"{prefix}_{i}").First(k => !taken.Contains(k));
    }

    public ApprovalProcess ToProcess()
    {
        var nodes = Nodes.ToList();
        var edges = Links
            .Select(l => new ProcessEdge(l.From!.Key, l.To!.Key, l.Conditions.Count > 0 ? l.Conditions : null, l.IsDefault))
            .ToList();
        var layout = nodes.ToDictionary(n => n.Key, n => new NodePosition(Math.Round(n.Position.X, 1), Math.Round(n.Position.Y, 1)), StringComparer.Ordinal);
        return new ApprovalProcess(nodes.Select(n => n.Data).ToList(), edges, layout);
    }

    public void AutoLayout()
    {
        var nodes = Nodes.ToList();
        var places = FlowLayout.Arrange(
            nodes.Select(n => (n.Key, new FlowPoint(n.Position.X, n.Position.Y))).ToList(),
            Links.Select(l => (l.From!.Key, l.To!.Key)).ToList());
        Diagram.Batch(() =>
        {
            foreach (var node in nodes)
            {
                node.SetPosition(places[node.Key].X, places[node.Key].Y);
            }
        });
    }

    public Task DeleteSelectedAsync() => KeyboardShortcutsDefaults.DeleteSelection(Diagram).AsTask();

    /// <summary>Outlines exactly the nodes whose keys are named.</summary>
    public void MarkProblems(IEnumerable<string> keys)
    {
        var named = keys.ToHashSet(StringComparer.Ordinal);
        foreach (var node in Nodes.Where(n => n.HasProblem != named.Contains(n.Key)))
        {
            node.HasProblem = !node.HasProblem;

            // The node renderer redraws only when its model says it changed.
            node.Refresh();
        }
    }

    public void ShowProgress(IReadOnlyDictionary<string, NodeProgress>? progress)
    {
        foreach (var node in Nodes)
        {
            node.Progress = progress is null ? null : progress.TryGetValue(node.Key, out var state) ? state : NodeProgress.Pending;
            node.Refresh();
        }
    }

    private ProcessNodeModel Locked(ProcessNodeModel node)
    {
        if (ReadOnly)
        {
            node.Locked = true;
            foreach (var port in node.Ports)
            {
                port.Locked = true;
            }
        }

        return node;
    }

    private ProcessLinkModel NewLink(Anchor source, Anchor target) => new(source, target)
    {
        TargetMarker = LinkMarker.Arrow,
        Width = 2,
        Color = "#90a4ae",
        SelectedColor = "#1e88e5",
        BranchOrder = Diagram.Links.OfType<ProcessLinkModel>().Select(l => l.BranchOrder + 1).DefaultIfEmpty(0).Max(),
    };
}
