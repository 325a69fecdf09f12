using System.Globalization;
using Microsoft.Data.Sqlite;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Scheduler;
using Ops.Infrastructure.Scheduler.Execution;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>
/// Issue 15: the portal is killed for real (SIGKILL of a child process running the build output) in the middle of
/// work and started again on the same database.
/// </summary>
public sealed class CrashRecoveryTests : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ops-crash-").FullName;
    private readonly TestDatabase _database = TestDatabase.Create(DatabaseProvider.Sqlite);
    private readonly List<PortalProcess> _portals = [];

    private string Pids => Path.Combine(_directory, "pids");

    private string Overlaps => Path.Combine(_directory, "overlaps");

    [Fact]
    public async Task KilledPortal_ItsJobProcessesAreEndedAtTheRestart_BeforeTheRerun_AndEachRecordSaysWhatHappened()
    {
        // Every second, no overlap: a long recoverable job that notes any earlier run still alive, and a short one.
        var (longJob, shortJob) = await CreateJobsAsync(() => (
            SchedulerHost.Shell(LongScript(), "long recoverable", timeout: 300, cron: "* * * * * ?", recoverable: true),
            SchedulerHost.Shell("sleep 3; echo done", "short", timeout: 300, cron: "* * * * * ?")));
        var first = await StartPortalAsync();
        var orphan = await WaitForRunningAsync(longJob);
        var unseen = await WaitForRunningAsync(shortJob);
        var orphanGroup = RunProcess.Parse(orphan.Process)!.GroupId;
        var unseenGroup = RunProcess.Parse(unseen.Process)!.GroupId;

        await first.KillAsync();
        Assert.NotEmpty(LiveMembers(orphanGroup)); // the crash left the long job's script and its sleep running
        await WaitUntilAsync(() => LiveMembers(unseenGroup).Count == 0, "the short job to end on its own");
        await StartPortalAsync();

        var rerun = await WaitForRunningAsync(longJob, after: orphan.Id);
        Assert.Empty(LiveMembers(orphanGroup));
        Assert.False(File.Exists(Overlaps), File.Exists(Overlaps) ? await File.ReadAllTextAsync(Overlaps) : "");
        var ended = Log(orphan.Id);
        Assert.Equal(nameof(JobRunStatus.Failed), ended.Status);
        Assert.Equal(SchedulerStartup.InterruptedAndEnded, ended.Error);
        Assert.True(rerun.Id > orphan.Id);
        await WaitUntilAsync(() => Log(unseen.Id).Status == nameof(JobRunStatus.Failed), "the short run to be marked");
        Assert.Equal(SchedulerStartup.InterruptedUnseen, Log(unseen.Id).Error);
    }

    [Fact]
    public async Task FiresDueWhileThePortalWasDown_FireOnceNowFiresOnce_AndDoNothingFiresNone()
    {
        var first = await StartPortalAsync();
        await first.KillAsync();

        // While it is down: two jobs due every second, so that several fires are missed before the restart.
        var (once, none) = await CreateJobsAsync(() => (
            SchedulerHost.Shell("true", "fire once now", cron: "* * * * * ?") with { Misfire = MisfirePolicy.FireOnceNow },
            SchedulerHost.Shell("true", "do nothing", cron: "* * * * * ?") with { Misfire = MisfirePolicy.Skip }));
        await Task.Delay(TimeSpan.FromSeconds(4)); // the downtime itself: real time between two real processes
        var restarted = DateTimeOffset.UtcNow;
        await StartPortalAsync();

        // The missed fires of the first job are one run, due when the last of them was, and none of them is replayed;
        // the second job (on the same schedule) fires none of them.
        var missed = await WaitForAsync(once, l => l.Trigger == nameof(JobTriggerType.Missed), "the run for the missed fires");
        // Two on-schedule fires of each job after the missed ones: a replay, started at once, would be logged by then.
        await WaitUntilAsync(() => Logs(once).Count(l => l.ScheduledAt > missed.ScheduledAt) >= 2 && Logs(none).Count(l => l.ScheduledAt > missed.ScheduledAt) >= 2,
            "both jobs to fire on schedule again");
        Assert.Equal(missed, Assert.Single(Logs(once), l => l.ScheduledAt <= missed.ScheduledAt), EqualityComparer<JobLogRow>.Create((a, b) => a!.Id == b!.Id));
        Assert.DoesNotContain(Logs(none), l => l.ScheduledAt <= missed.ScheduledAt);
        Assert.True(missed.ScheduledAt > restarted.AddSeconds(-2), $"the missed run is due {missed.ScheduledAt:O}, the restart was at {restarted:O}");
    }

    /// <summary>Writes its pid, after noting every earlier run of this job whose process is still alive (not a zombie).</summary>
    private string LongScript() => $$"""
        for p in $(cat '{{Pids}}' 2>/dev/null); do
          state=$(cut -d' ' -f3 /proc/$p/stat 2>/dev/null)
          if [ -n "$state" ] && [ "$state" != Z ]; then echo "run $$ started while $p was alive" >> '{{Overlaps}}'; fi
        done
        echo $$ >> '{{Pids}}'
        sleep 120
        """;

    private async Task<(long, long)> CreateJobsAsync(Func<(JobInput, JobInput)> inputs)
    {
        // The jobs are made by a portal whose scheduler is off, so nothing fires until the child process starts.
        await using var host = await SchedulerHost.StartAsync(database: _database, settings: new Dictionary<string, string?> { ["Scheduler:Enabled"] = "false" });
        await host.JobsAsync(); // started and migrated
        var (first, second) = inputs();
        return (await host.CreateJobAsync(first), await host.CreateJobAsync(second));
    }

    private async Task<PortalProcess> StartPortalAsync()
    {
        var portal = await PortalProcess.StartAsync(_database, _directory);
        _portals.Add(portal);
        return portal;
    }

    private Task<JobLogRow> WaitForRunningAsync(long jobId, long after = 0) =>
        WaitForAsync(jobId, l => l.Id > after && l.Status == nameof(JobRunStatus.Running) && l.Process is not null, $"a run of job {jobId} after {after}");

    private async Task<JobLogRow> WaitForAsync(long jobId, Func<JobLogRow, bool> match, string what)
    {
        JobLogRow? found = null;
        await WaitUntilAsync(() => (found = Logs(jobId).FirstOrDefault(match)) is not null, what);
        return found!;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited a minute for {what}.");
            await Task.Delay(100);
        }
    }

    private sealed record JobLogRow(long Id, string Status, string Trigger, string? Error, string? Process, DateTimeOffset? ScheduledAt);

    private JobLogRow Log(long id) => Query("WHERE Id = $id", id).Single();

    private List<JobLogRow> Logs(long jobId) => Query("WHERE JobId = $id ORDER BY Id", jobId);

    private List<JobLogRow> Query(string where, long id)
    {
        using var connection = new SqliteConnection(_database.ConnectionString + ";Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Id, Status, Trigger, Error, Process, ScheduledAt FROM t_job_log " + where;
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        var rows = new List<JobLogRow>();
        while (reader.Read())
        {
            rows.Add(new JobLogRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : DateTimeOffset.Parse(reader.GetString(5), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)));
        }

        return rows;
    }

    /// <summary>Live (not zombie) processes of a process group, read from /proc as the test sees them.</summary>
    private static List<int> LiveMembers(int group)
    {
        var members = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && fields[2] == group.ToString(CultureInfo.InvariantCulture))
                {
                    members.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone while reading.
            }
        }

        return members;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var portal in _portals)
        {
            await portal.DisposeAsync();
        }

        // Whatever the runs left: the test must not leave sleeps behind.
        foreach (var pid in File.Exists(Pids) ? await File.ReadAllLinesAsync(Pids) : [])
        {
            foreach (var member in LiveMembers(int.Parse(pid, CultureInfo.InvariantCulture)))
            {
                try
                {
                    System.Diagnostics.Process.GetProcessById(member).Kill();
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }

        SqliteConnection.ClearAllPools();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
