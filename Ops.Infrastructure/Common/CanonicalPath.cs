using System.Runtime.InteropServices;

namespace Ops.Infrastructure.Common;

/// <summary>
/// A path with every symbolic link resolved, component by component, the way the kernel walks it
/// (<c>a/link/../b</c> goes up from the link's target, not from <c>a</c>). <see cref="Path.GetFullPath(string)"/>
/// only folds the text, so two spellings of one file compare unequal; allow-lists compare these instead.
/// </summary>
public static class CanonicalPath
{
    private const int MaxLinks = 40;

    /// <summary>The canonical absolute path; the last components may not exist yet. Null when links loop.</summary>
    public static string? Resolve(string path)
    {
        var links = 0;
        return Walk(Path.GetFullPath(path), ref links);
    }

    /// <summary>Whether <paramref name="path"/> (canonical) lies inside <paramref name="directory"/> (canonical).</summary>
    public static bool IsInside(string path, string directory)
    {
        var root = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
    }

    private static string? Walk(string absolute, ref int links)
    {
        var root = Path.GetPathRoot(absolute)!;
        var current = root;
        foreach (var part in absolute[root.Length..].Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }

            var next = Path.Join(current, part);
            var info = new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // A relative target is relative to the directory holding the link, which is already canonical.
            var resolved = Walk(Path.GetFullPath(target, current), ref links);
            if (resolved is null)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }

    /// <summary>Device and inode of an existing file (Linux), so hard links to one file compare equal; null elsewhere or when missing.</summary>
    public static (ulong Device, ulong Inode)? FileId(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        // struct stat begins with st_dev and st_ino (both 64-bit) on every 64-bit Linux ABI; the rest is not read.
        var buffer = new byte[256];
        return NativeStat.Stat(path, buffer) != 0
            ? null
            : (BitConverter.ToUInt64(buffer, 0), BitConverter.ToUInt64(buffer, 8));
    }

    private static class NativeStat
    {
        [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
        public static extern int Stat(string path, byte[] buffer);
    }
}
