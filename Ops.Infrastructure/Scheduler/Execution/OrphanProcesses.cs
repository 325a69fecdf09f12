using System.Diagnostics;
using System.Globalization;
using System.Runtime.Versioning;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>What became of a run's processes while the portal was down.</summary>
public enum OrphanFate
{
    /// <summary>None was left: the script ended on its own (its outcome was not seen) or the machine restarted.</summary>
    Gone,

    /// <summary>Members of the run's group were still running and have been killed.</summary>
    Ended,
}

/// <summary>
/// At start-up, before a run left <c>running</c> is marked interrupted or rerun: ends whatever is left of its process
/// group. The portal starts each script with setsid, so the group outlives a portal that is killed (a SIGKILL gives it
/// no chance to end its children); without this step the orphan and the rerun would overlap.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class OrphanProcesses
{
    private static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(5);

    public static async Task<OrphanFate> EndAsync(RunProcess run, CancellationToken cancellationToken)
    {
        if (!IsOurs(run))
        {
            return OrphanFate.Gone;
        }

        ProcessGroups.KillGroup(run.GroupId);
        var started = Stopwatch.GetTimestamp();
        while (Members(run.GroupId).Count > 0 && Stopwatch.GetElapsedTime(started) < GoneWithin)
        {
            await Task.Delay(20, cancellationToken);
        }

        return OrphanFate.Ended;
    }

    /// <summary>
    /// The group still has live members and they are the run's: same boot, and the leader (when it is still there)
    /// started when the run recorded. Linux does not hand out a pid while a group of that id exists, so members of a
    /// group whose leader is gone can only be the run's.
    /// </summary>
    private static bool IsOurs(RunProcess run)
    {
        if (RunProcess.CurrentBoot() != run.BootId)
        {
            return false;
        }

        var members = Members(run.GroupId);
        return members.Count > 0 && (ProcStat.Read(run.GroupId) is not { IsZombie: false } leader || leader.StartTicks == run.StartTicks);
    }

    /// <summary>Live (not zombie) processes of the group.</summary>
    private static List<int> Members(int groupId)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcStat.Read(pid) is { IsZombie: false } stat && stat.Group == groupId)
            {
                members.Add(pid);
            }
        }

        return members;
    }
}
