using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Text;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>Process groups and tree kills on Linux, for <see cref="ProcessRunner"/>.</summary>
[SupportedOSPlatform("linux")]
internal static partial class ProcessGroups
{
    private const int SigKill = 9;
    private const int SigStop = 19;
    private static readonly TimeSpan ConfirmWithin = TimeSpan.FromSeconds(2);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    /// <summary>
    /// True once <c>/proc/&lt;pid&gt;/stat</c> shows the child leads its own session and process group (setsid runs
    /// just after the start, so this polls briefly), and that group is not ours. If the child is already gone, its
    /// group counts as confirmed while members remain: a group with the id of our child's pid can only have been made by it.
    /// </summary>
    public static async Task<bool> ConfirmOwnGroupAsync(Process process)
    {
        var own = ReadGroupAndSession(Environment.ProcessId);
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var ids = ReadGroupAndSession(process.Id);
            if (ids is { } found && found.Group == process.Id && found.Session == process.Id)
            {
                return own?.Group != process.Id;
            }

            if (ids is null)
            {
                return kill(-process.Id, 0) == 0;
            }

            if (process.HasExited || Stopwatch.GetElapsedTime(started) > ConfirmWithin)
            {
                return false;
            }

            await Task.Delay(1);
        }
    }

    /// <summary>
    /// Kills the whole tree: the group is stopped first (nothing in it can fork or reap any more), then
    /// <see cref="Process.Kill(bool)"/> walks the tree by parent ids — catching children that made a session of
    /// their own while their parent is still there — and then the group is killed, catching members whose parent
    /// already died (double-forked, reparented to init), which a walk by parent ids cannot find.
    /// Without a confirmed group only the tree walk is done.
    /// </summary>
    public static void KillTree(Process process, bool ownGroup)
    {
        if (ownGroup)
        {
            _ = kill(-process.Id, SigStop);
        }

        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or AggregateException or NotSupportedException)
        {
            // Already exited, or part of the tree was gone by then: the group kill below still covers it.
        }

        if (ownGroup)
        {
            KillGroup(process.Id);
        }
    }

    /// <summary>SIGKILL to every member of the group; a group with no members left (ESRCH) is fine.</summary>
    public static void KillGroup(int groupId) => _ = kill(-groupId, SigKill);

    /// <summary>(process group, session) from <c>/proc/&lt;pid&gt;/stat</c>, or null when the process is gone.</summary>
    public static (int Group, int Session)? ReadGroupAndSession(int pid) =>
        ProcStat.Read(pid) is { } stat ? (stat.Group, stat.Session) : null;
}

/// <summary>The script file, its private directory, and finding the interpreter.</summary>
[SupportedOSPlatform("linux")]
internal static class JobFiles
{
    private const UnixFileMode AnyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Writes the script as UTF-8 without BOM (bash would run a BOM as part of the first command), LF line ends, mode 0600.</summary>
    public static string WriteScript(string directory, string script)
    {
        var path = Path.Combine(directory, "job-script");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        };
        using var stream = new FileStream(path, options);
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        writer.Write(script.Replace("\r\n", "\n", StringComparison.Ordinal));
        return path;
    }

    /// <summary>
    /// The interpreter's absolute path: a name with a slash is taken relative to the working directory, a bare name
    /// is looked up on the job's PATH (absolute entries only), as exec would do in the child.
    /// </summary>
    public static string ResolveInterpreter(string interpreter, string path, string workingDirectory)
    {
        if (interpreter.Contains('/'))
        {
            var full = Path.GetFullPath(interpreter, workingDirectory);
            return IsExecutableFile(full)
                ? full
                : throw new InvalidOperationException($"Interpreter '{interpreter}' was not found or is not executable.");
        }

        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, interpreter);
            if (Path.IsPathRooted(directory) && IsExecutableFile(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Interpreter '{interpreter}' was not found on the job's PATH ({path}).");
    }

    public static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a process that escaped the kill may still be writing there.
        }
    }

    private static bool IsExecutableFile(string path) => File.Exists(path) && (File.GetUnixFileMode(path) & AnyExecute) != 0;
}
