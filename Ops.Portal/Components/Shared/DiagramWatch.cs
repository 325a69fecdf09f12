using Blazor.Diagrams;
using Blazor.Diagrams.Core.Models;
using Blazor.Diagrams.Core.Models.Base;

namespace Ops.Portal.Components.Shared;

/// <summary>
/// Tells an editor when the graph on a <see cref="BlazorDiagram"/> changed (a node added or removed, a link attached
/// or removed) and when the selection changed. Shared by the flow editor and the approval process designer.
/// </summary>
public sealed class DiagramWatch : IDisposable
{
    private readonly BlazorDiagram _diagram;

    public DiagramWatch(BlazorDiagram diagram)
    {
        _diagram = diagram;
        diagram.Nodes.Added += OnNodesChanged;
        diagram.Nodes.Removed += OnNodesChanged;
        diagram.Links.Added += OnLinkAdded;
        diagram.Links.Removed += OnLinkRemoved;
        diagram.SelectionChanged += OnSelectionChanged;
    }

    /// <summary>A node or a finished link was added or removed: the graph needs checking again.</summary>
    public event Action? GraphChanged;

    public event Action? SelectionChanged;

    /// <summary>Something the diagram does not see changed the graph (e.g. the order of branches).</summary>
    public void RaiseGraphChanged() => GraphChanged?.Invoke();

    private void OnNodesChanged(NodeModel node) => GraphChanged?.Invoke();

    // A link is added when the drag from a port starts; it is an edge only once its target is attached.
    private void OnLinkAdded(BaseLinkModel link) => link.TargetAttached += OnLinkAttached;

    private void OnLinkAttached(BaseLinkModel link) => GraphChanged?.Invoke();

    private void OnLinkRemoved(BaseLinkModel link)
    {
        link.TargetAttached -= OnLinkAttached;
        if (link.IsAttached)
        {
            GraphChanged?.Invoke();
        }
    }

    private void OnSelectionChanged(SelectableModel model) => SelectionChanged?.Invoke();

    public void Dispose()
    {
        _diagram.Nodes.Added -= OnNodesChanged;
        _diagram.Nodes.Removed -= OnNodesChanged;
        _diagram.Links.Added -= OnLinkAdded;
        _diagram.Links.Removed -= OnLinkRemoved;
        _diagram.SelectionChanged -= OnSelectionChanged;
    }
}
