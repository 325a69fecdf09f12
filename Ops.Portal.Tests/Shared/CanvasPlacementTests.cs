using Ops.Portal.Components.Shared;
using Area = Ops.Portal.Components.Shared.CanvasPlacement.Area;

namespace Ops.Portal.Tests.Shared;

public sealed class CanvasPlacementTests
{
    [Fact]
    public void View_PannedAndZoomed_IsTheDrawingAreaTheFrameShows()
    {
        // A point p is drawn at p × zoom + pan: the frame's left edge (0) shows the drawing's x = 400 / 2 = 200.
        var view = CanvasPlacement.View(panX: -400, panY: -100, zoom: 2, frameWidth: 800, frameHeight: 600);

        Assert.Equal(new Area(200, 50, 400, 300), view);
    }

    [Fact]
    public void FreeSpot_EmptyView_IsItsTopLeftCorner()
    {
        var (x, y) = CanvasPlacement.FreeSpot(new Area(1000, 500, 800, 480), [], 180, 60);

        Assert.Equal((1000 + CanvasPlacement.Gap, 500 + CanvasPlacement.Gap), (x, y));
    }

    [Fact]
    public void FreeSpot_NodesFarRightOfTheView_StaysInsideTheView()
    {
        // The old rule put a new node right of the right-most node: here at x = 2860, far outside the frame.
        var view = new Area(0, 0, 800, 480);
        Area[] taken = [new(20, 20, 180, 60), new(2600, 20, 180, 60)];

        var (x, y) = CanvasPlacement.FreeSpot(view, taken, 180, 60);

        var placed = new Area(x, y, 180, 60);
        Assert.True(x >= view.X && x + 180 <= view.X + view.Width && y >= view.Y && y + 60 <= view.Y + view.Height, $"{placed} is outside {view}");
        Assert.DoesNotContain(taken, t => t.Overlaps(placed));
    }

    [Fact]
    public void FreeSpot_EverySlotTaken_IsTheMiddleOfTheView()
    {
        var view = new Area(0, 0, 400, 200);

        var (x, y) = CanvasPlacement.FreeSpot(view, [new Area(0, 0, 400, 200)], 180, 60);

        Assert.Equal((110d, 70d), (x, y));
    }
}
