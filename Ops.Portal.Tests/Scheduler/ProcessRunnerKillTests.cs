using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ops.Infrastructure.Scheduler.Execution;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>The runner kills whole process trees: on cancel, at exit, and whatever the children did to escape.</summary>
public sealed class ProcessRunnerKillTests
{
    private static readonly Dictionary<string, string> NoVariables = [];
    private readonly ProcessRunner _runner = new();

    private static ProcessSpec Bash(string script, int limit = 1_048_576, IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? arguments = null, string? workingDirectory = null)
        => new("bash", script, arguments ?? [], workingDirectory, environment ?? NoVariables, limit);


    [Fact]
    public async Task Cancellation_KillsSleep60_WithinThreeSeconds()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        var watch = Stopwatch.StartNew();

        var outcome = await _runner.RunAsync(Bash("echo started; sleep 60"), null, cancel.Token);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
        Assert.Equal((ProcessEnd.Killed, (int?)null), (outcome.End, outcome.ExitCode));
        Assert.Equal("started\n", outcome.Output);
    }

    [Fact]
    public async Task AlreadyCancelled_StartsNothing()
    {
        var outcome = await _runner.RunAsync(Bash("echo never"), null, new CancellationToken(canceled: true));

        Assert.Equal((ProcessEnd.Killed, ""), (outcome.End, outcome.Output));
    }

    [Theory]
    // A background grandchild.
    [InlineData("sleep 300 & echo $!; sleep 300")]
    // A grandchild ignoring SIGTERM (ignored signals stay ignored across exec).
    [InlineData("( trap '' TERM; exec sleep 300 ) & echo $!; sleep 300")]
    // Double-forked: its parent is gone, it was reparented, only the group kill reaches it.
    [InlineData("( sleep 300 & echo $! ); sleep 300")]
    // A new session of its own under a live parent: only the tree walk reaches it.
    [InlineData("setsid sleep 300 & echo $!; sleep 300")]
    public async Task Cancellation_KillsTheWholeTree(string script)
    {
        var pids = new ConcurrentQueue<int>();
        using var cancel = new CancellationTokenSource();
        var run = _runner.RunAsync(Bash(script), (_, line) =>
        {
            pids.Enqueue(int.Parse(line, CultureInfo.InvariantCulture));
            cancel.CancelAfter(TimeSpan.FromMilliseconds(300));
        }, cancel.Token);

        try
        {
            var outcome = await run.WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal(ProcessEnd.Killed, outcome.End);
            var grandchild = Assert.Single(pids);
            Assert.True(await IsGoneAsync(grandchild), $"grandchild {grandchild} still runs");
        }
        finally
        {
            KillForCleanUp(pids);
        }
    }

    [Fact]
    public async Task BackgroundChildrenLeftAtExit_AreKilled_AndTheRunDoesNotWaitForThem()
    {
        var pids = new ConcurrentQueue<int>();
        var watch = Stopwatch.StartNew();
        try
        {
            var outcome = await _runner.RunAsync(Bash("sleep 300 & echo $!; exit 0"),
                (_, line) => pids.Enqueue(int.Parse(line, CultureInfo.InvariantCulture)), CancellationToken.None);

            Assert.Equal((ProcessEnd.Exited, 0), (outcome.End, outcome.ExitCode!.Value));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"took {watch.Elapsed}");
            Assert.True(await IsGoneAsync(Assert.Single(pids)));
        }
        finally
        {
            KillForCleanUp(pids);
        }
    }

    [Fact]
    public async Task AProcessThatEscapedGroupAndTree_HoldingThePipes_DoesNotHangTheRun()
    {
        // setsid leaves the group, and its parent exits, so neither the group kill nor the tree walk reaches it
        // (the pause lets it leave the group before the script ends and the group is killed).
        var pids = new ConcurrentQueue<int>();
        var watch = Stopwatch.StartNew();
        try
        {
            var outcome = await _runner.RunAsync(Bash("setsid sleep 30 & echo $!; sleep 0.3; exit 4"),
                (_, line) => pids.Enqueue(int.Parse(line, CultureInfo.InvariantCulture)), CancellationToken.None);

            Assert.Equal((ProcessEnd.Exited, 4), (outcome.End, outcome.ExitCode!.Value));
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
            Assert.False(await IsGoneAsync(Assert.Single(pids), attempts: 1));
        }
        finally
        {
            KillForCleanUp(pids);
        }
    }

    /// <summary>Gone, or a zombie nobody reaps yet (PID 1 in a container may never reap): either way no longer running.</summary>
    private static async Task<bool> IsGoneAsync(int pid, int attempts = 100)
    {
        for (var i = 0; i < attempts; i++)
        {
            string stat;
            try
            {
                stat = await File.ReadAllTextAsync($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return true;
            }

            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    private static void KillForCleanUp(IEnumerable<int> pids)
    {
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                if (process.ProcessName == "sleep")
                {
                    process.Kill();
                }
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
            }
        }
    }
}
