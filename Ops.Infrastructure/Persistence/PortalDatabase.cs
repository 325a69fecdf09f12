namespace Ops.Infrastructure.Persistence;

/// <summary>The portal's own SQLite file (null on MySQL): data sources may not point at it, it holds every secret of the portal.</summary>
public sealed record PortalDatabase(string? SqliteFile)
{
    public bool IsPortalFile(string path)
    {
        if (SqliteFile is null || string.IsNullOrWhiteSpace(path))
        {
            return false;
        }

        var full = Path.GetFullPath(path.Trim());
        return string.Equals(full, SqliteFile, StringComparison.Ordinal)
            || (File.Exists(full) && File.Exists(SqliteFile) && string.Equals(new FileInfo(full).LinkTarget ?? full, new FileInfo(SqliteFile).LinkTarget ?? SqliteFile, StringComparison.Ordinal));
    }
}
