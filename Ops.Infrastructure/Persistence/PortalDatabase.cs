namespace Ops.Infrastructure.Persistence;

/// <summary>The portal's own SQLite file (null on MySQL): data sources may not point at it, it holds every secret of the portal.</summary>
public sealed record PortalDatabase(string? SqliteFile);
