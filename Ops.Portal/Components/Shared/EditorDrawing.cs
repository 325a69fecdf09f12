using Blazor.Diagrams;
using Blazor.Diagrams.Options;

namespace Ops.Portal.Components.Shared;

/// <summary>
/// The common part of the canvases people draw on (job flows, approval processes): a pannable, zoomable
/// <see cref="BlazorDiagram"/> whose links need a target, and the events that tell the editor the graph or the
/// selection changed.
/// </summary>
public abstract class EditorDrawing : IDisposable
{
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

    /// <summary>Something the diagram does not see changed the graph (e.g. the order of branches).</summary>
    protected void RaiseGraphChanged() => _watch.RaiseGraphChanged();

    public void Dispose()
    {
        _watch.Dispose();
        GC.SuppressFinalize(this);
    }
}
