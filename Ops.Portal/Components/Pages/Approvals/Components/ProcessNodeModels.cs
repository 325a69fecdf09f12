using Blazor.Diagrams.Core.Anchors;
using Blazor.Diagrams.Core.Geometry;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;
using Ops.Domain.Approvals;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>
/// A node of an approval process on the canvas. It holds the domain node (an immutable record the panels replace)
/// and ports: an input on the left (none on a start node) and an output on the right (none on an end node).
/// Public only because the node widget takes it as a parameter.
/// </summary>
public sealed class ProcessNodeModel : NodeModel
{
    public ProcessNodeModel(ProcessNode node, double x, double y) : base(new Point(x, y))
    {
        Data = node;
        Input = node is StartNode ? null : AddPort(new ProcessPortModel(this, PortAlignment.Left));
        Output = node is EndNode ? null : AddPort(new ProcessPortModel(this, PortAlignment.Right));
    }

    public string Key => Data.Key;

    /// <summary>The node as it will be saved; replace it (records are immutable) and call Refresh() to redraw.</summary>
    public ProcessNode Data { get; set; }

    public PortModel? Input { get; }

    public PortModel? Output { get; }

    /// <summary>A problem of the live check names this node.</summary>
    public bool HasProblem { get; set; }

    /// <summary>Where an application stands at this node (the read-only view); null in the designer.</summary>
    public NodeProgress? Progress { get; set; }
}

/// <summary>A transition is drawn from an output port (right) to another node's input port (left), never back.</summary>
public sealed class ProcessPortModel(NodeModel parent, PortAlignment alignment) : PortModel(parent, alignment)
{
    public bool IsOutput => Alignment == PortAlignment.Right;

    public override bool CanAttachTo(ILinkable other) =>
        IsOutput && other is ProcessPortModel { IsOutput: false } target && target.Parent != Parent && base.CanAttachTo(other);
}

/// <summary>
/// A transition on the canvas. Out of a condition node it carries its conditions or is the default branch;
/// <see cref="BranchOrder"/> is the order branches are tried in (lower first).
/// </summary>
public sealed class ProcessLinkModel(Anchor source, Anchor target) : LinkModel(source, target)
{
    public IReadOnlyList<FieldCondition> Conditions { get; set; } = [];

    public bool IsDefault { get; set; }

    public int BranchOrder { get; set; }

    public ProcessNodeModel? From => (Source as SinglePortAnchor)?.Port.Parent as ProcessNodeModel;

    public ProcessNodeModel? To => (Target as SinglePortAnchor)?.Port.Parent as ProcessNodeModel;
}
