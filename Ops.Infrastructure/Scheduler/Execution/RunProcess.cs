using System.Globalization;
using System.Runtime.Versioning;
using System.Text;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// The process group a job run started, named so that it can be found again after the portal died: the group id
/// (the interpreter's pid, which leads its own session), the leader's start time in clock ticks after boot, and the
/// boot it belongs to. A pid can be reused; the three together cannot.
/// </summary>
public sealed record RunProcess(int GroupId, long StartTicks, string BootId)
{
    public const int MaxLength = 128;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{GroupId}:{StartTicks}:{BootId}");

    public static RunProcess? Parse(string? text)
    {
        var parts = text?.Split(':', 3);
        return parts is { Length: 3 }
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var group)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && parts[2].Length > 0
            ? new RunProcess(group, ticks, parts[2])
            : null;
    }

    /// <summary>The stamp of the live process <paramref name="pid"/>, or null when it is gone or /proc cannot be read.</summary>
    [SupportedOSPlatform("linux")]
    public static RunProcess? Of(int pid) =>
        ProcStat.Read(pid) is { } stat && CurrentBoot() is { } boot ? new RunProcess(pid, stat.StartTicks, boot) : null;

    /// <summary>This boot of the machine (a reboot ends every process, so runs of another boot have none left).</summary>
    public static string? CurrentBoot()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/random/boot_id", Encoding.ASCII).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>The few fields of <c>/proc/&lt;pid&gt;/stat</c> the scheduler needs.</summary>
internal readonly record struct ProcStat(char State, int Group, int Session, long StartTicks)
{
    public bool IsZombie => State is 'Z' or 'X';

    public static ProcStat? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat", Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice threads itrealvalue starttime ..." — comm may hold spaces and parentheses, so split after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 19
            && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var group)
            && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new ProcStat(fields[0][0], group, session, start)
            : null;
    }
}
