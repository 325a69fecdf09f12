using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Reports.DataSources;

/// <summary>
/// Where a SQLite data source may point: a file inside the configured directory, named by a plain path (never a
/// URI), compared with every link resolved and, for hard links, by device and inode against the portal's own
/// database. Checked when a source is saved and again each time it is opened, and the connection opens the
/// canonical path, so a link swapped in later does not lead elsewhere.
/// </summary>
public sealed class SqliteSourceFiles(string? directory, PortalDatabase portal)
{
    /// <summary>The canonical allowed directory; null when SQLite data sources are off.</summary>
    public string? Directory { get; } = string.IsNullOrWhiteSpace(directory) ? null : CanonicalPath.Resolve(directory);

    /// <summary>The canonical file the data source names, or why it may not be used.</summary>
    public Result<string> Locate(string database)
    {
        if (Directory is null)
        {
            return Error.Invalid("scheduler.datasource.sqlite_off");
        }

        var path = database.Trim();
        // Microsoft.Data.Sqlite opens "file:" names as URIs (options such as ?mode= or vfs= inside the name).
        if (path.Length == 0 || path.StartsWith("file:", StringComparison.OrdinalIgnoreCase) || path.StartsWith(':'))
        {
            return Error.Invalid("scheduler.datasource.sqlite_uri");
        }

        var canonical = CanonicalPath.Resolve(Path.GetFullPath(path, Directory));
        if (canonical is null || !CanonicalPath.IsInside(canonical, Directory))
        {
            return Error.Invalid("scheduler.datasource.sqlite_outside", Directory);
        }

        return IsPortal(canonical) ? Error.Invalid("scheduler.datasource.portal_database") : canonical;
    }

    private bool IsPortal(string canonical)
    {
        if (portal.SqliteFile is null)
        {
            return false;
        }

        var own = CanonicalPath.Resolve(portal.SqliteFile);
        if (string.Equals(own, canonical, StringComparison.Ordinal))
        {
            return true;
        }

        return CanonicalPath.FileId(canonical) is { } id && id == CanonicalPath.FileId(portal.SqliteFile);
    }
}
