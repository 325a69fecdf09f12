namespace Ops.Portal.Components.Shared;

/// <summary>
/// Where a node added from the palette lands: in the part of the drawing the user sees now (pan and zoom taken into
/// account), on the first free slot of a grid read left to right and top to bottom, or in the middle of the view when
/// every slot is taken. Nodes used to go right of the right-most node, off the canvas after a few.
/// </summary>
internal static class CanvasPlacement
{
    public const double Gap = 20;

    /// <summary>A rectangle in drawing coordinates.</summary>
    public readonly record struct Area(double X, double Y, double Width, double Height)
    {
        public bool Overlaps(Area other) =>
            X < other.X + other.Width && other.X < X + Width && Y < other.Y + other.Height && other.Y < Y + Height;

        public Area Inflate(double by) => new(X - by, Y - by, Width + 2 * by, Height + 2 * by);
    }

    /// <summary>The part of the drawing a frame shows: Z.Blazor.Diagrams draws a point at <c>point × zoom + pan</c>.</summary>
    public static Area View(double panX, double panY, double zoom, double frameWidth, double frameHeight) =>
        new(-panX / zoom, -panY / zoom, frameWidth / zoom, frameHeight / zoom);

    public static (double X, double Y) FreeSpot(Area view, IReadOnlyCollection<Area> taken, double width, double height)
    {
        for (var y = view.Y + Gap; y + height <= view.Y + view.Height; y += height + Gap)
        {
            for (var x = view.X + Gap; x + width <= view.X + view.Width; x += width + Gap)
            {
                var slot = new Area(x, y, width, height).Inflate(Gap / 2);
                if (!taken.Any(t => t.Overlaps(slot)))
                {
                    return (x, y);
                }
            }
        }

        return (view.X + Math.Max(0, (view.Width - width) / 2), view.Y + Math.Max(0, (view.Height - height) / 2));
    }
}
