using Blazor.Diagrams;
using Blazor.Diagrams.Options;
using Ops.Portal.Components.Pages.Scheduler.Components.Flows;

namespace Ops.Portal.Components.Shared;

/// <summary>
/// The common part of the canvases people draw on (job flows, approval processes): a pannable, zoomable
/// <see cref="BlazorDiagram"/> whose links need a target, and the events that tell the editor the graph or the
/// selection changed.
/// </summary>
public abstract class EditorDrawing : IDisposable
{
    // The size of a node before the browser has measured it (.ops-flow-node: 180 px wide, at least 56 px high).
    private const double NodeWidth = 180;
    private const double NodeHeight = 60;

    private readonly DiagramWatch _watch;

    protected EditorDrawing(bool multiSelection)
    {
        var options = new BlazorDiagramOptions { AllowMultiSelection = multiSelection, AllowPanning = true };
        options.Links.RequireTarget = true;
        options.Zoom.Minimum = 0.3;
        options.Zoom.Maximum = 2;
        Diagram = new BlazorDiagram(options);
        _watch = new DiagramWatch(Diagram);
    }

    public BlazorDiagram Diagram { get; }

    /// <summary>A node or a finished link was added or removed: the graph needs checking again.</summary>
    public event Action? GraphChanged
    {
        add => _watch.GraphChanged += value;
        remove => _watch.GraphChanged -= value;
    }

    public event Action? SelectionChanged
    {
        add => _watch.SelectionChanged += value;
        remove => _watch.SelectionChanged -= value;
    }

    /// <summary>A free place for a new node in the part of the drawing shown now (pan and zoom taken into account).</summary>
    public FlowPoint FreePlace(double width = NodeWidth, double height = NodeHeight)
    {
        var view = Diagram.Container is { Width: > 0, Height: > 0 } frame
            ? CanvasPlacement.View(Diagram.Pan.X, Diagram.Pan.Y, Diagram.Zoom, frame.Width, frame.Height)
            : new CanvasPlacement.Area(0, 0, 3 * (NodeWidth + CanvasPlacement.Gap), 4 * (NodeHeight + CanvasPlacement.Gap));
        var taken = Diagram.Nodes
            .Select(n => new CanvasPlacement.Area(n.Position.X, n.Position.Y, n.Size?.Width ?? width, n.Size?.Height ?? height))
            .ToList();
        var (x, y) = CanvasPlacement.FreeSpot(view, taken, width, height);
        return new FlowPoint(x, y);
    }

    /// <summary>Something the diagram does not see changed the graph (e.g. the order of branches).</summary>
    protected void RaiseGraphChanged() => _watch.RaiseGraphChanged();

    public void Dispose()
    {
        _watch.Dispose();
        GC.SuppressFinalize(this);
    }
}
