using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ops.Infrastructure.Scheduler.Execution;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>The scheduler's child-process runner, with real bash and python3 children.</summary>
public sealed class ProcessRunnerTests
{
    private static readonly Dictionary<string, string> NoVariables = [];
    private readonly ProcessRunner _runner = new();

    private static ProcessSpec Bash(string script, int limit = 1_048_576, IReadOnlyDictionary<string, string>? environment = null,
        IReadOnlyList<string>? arguments = null, string? workingDirectory = null)
        => new("bash", script, arguments ?? [], workingDirectory, environment ?? NoVariables, limit);

    [Fact]
    public async Task NonZeroExit_IsExitedWithThatCode_AndStderrIsInterleaved()
    {
        // Two pipes have no common order at the microsecond scale, so the writes are spaced out.
        var outcome = await _runner.RunAsync(Bash("echo out; sleep 0.2; echo err >&2; sleep 0.2; printf tail; exit 3"), null, CancellationToken.None);

        Assert.Equal(ProcessEnd.Exited, outcome.End);
        Assert.Equal(3, outcome.ExitCode);
        Assert.Equal("out\nerr\ntail\n", outcome.Output);
        Assert.False(outcome.Truncated);
    }

    [Fact]
    public async Task Python_PrintsChinese_ThenTraceback_ExitCode1()
    {
        var spec = new ProcessSpec("python3", "print(\"你好\")\nraise ValueError(\"boom\")\n", [], null, NoVariables);

        var outcome = await _runner.RunAsync(spec, null, CancellationToken.None);

        Assert.Equal(ProcessEnd.Exited, outcome.End);
        Assert.Equal(1, outcome.ExitCode);
        // stdout and stderr are two pipes: their relative order is only as good as the arrival order.
        Assert.Contains("你好\n", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("Traceback (most recent call last):", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("ValueError: boom", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_IsClean_SafeBase_SpecVariablesVisibleAndOverriding()
    {
        Environment.SetEnvironmentVariable("OPS_SECRET_TEST", "x");
        var spec = Bash(
            "echo \"[$OPS_SECRET_TEST]\"; echo \"$PATH\"; echo \"$LANG $LC_ALL $PYTHONUNBUFFERED $PYTHONIOENCODING\"; "
            + "echo \"$JOB_VALUE\"; [ \"$HOME\" = \"$(dirname \"$0\")\" ] && echo home-is-temp; env | wc -l",
            environment: new Dictionary<string, string> { ["JOB_VALUE"] = "值 1", ["PYTHONIOENCODING"] = "latin-1" });

        var lines = (await _runner.RunAsync(spec, null, CancellationToken.None)).Output.Split('\n');

        Assert.Equal("[]", lines[0]);
        Assert.Equal(ProcessRunner.SafePath, lines[1]);
        Assert.Equal("C.UTF-8 C.UTF-8 1 latin-1", lines[2]);
        Assert.Equal("值 1", lines[3]);
        Assert.Equal("home-is-temp", lines[4]);
        // Our 7 plus what bash itself exports (PWD, SHLVL, _).
        Assert.InRange(int.Parse(lines[5], CultureInfo.InvariantCulture), 7, 10);
    }

    [Fact]
    public async Task Utf8_RoundTrips_InScriptArgumentsAndOutput_StdinIsEmpty_WorkingDirectoryIsUsed()
    {
        var directory = Directory.CreateTempSubdirectory("ops-runner-test-").FullName;
        try
        {
            var spec = Bash("echo \"脚本 $1|$2\"; cat; echo \"stdin-rc=$?\"; pwd; sleep 0.2; echo 错误 >&2", arguments: ["参数 一", "b c"],
                workingDirectory: directory);

            var outcome = await _runner.RunAsync(spec, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));

            Assert.Equal($"脚本 参数 一|b c\nstdin-rc=0\n{directory}\n错误\n", outcome.Output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Script_IsPrivate_InItsOwnGroupAndSession_AndTheTempDirIsDeleted()
    {
        var spec = new ProcessSpec("python3", """
            import os, stat, sys
            print(sys.argv[0])
            print(oct(stat.S_IMODE(os.stat(sys.argv[0]).st_mode)), oct(stat.S_IMODE(os.stat(os.path.dirname(sys.argv[0])).st_mode)))
            print(os.getpid() == os.getpgrp() == os.getsid(0), os.getpgrp() != os.getpgid(os.getppid()), os.getppid())
            """, [], null, NoVariables);

        var lines = (await _runner.RunAsync(spec, null, CancellationToken.None)).Output.Split('\n');

        Assert.Equal("0o600 0o700", lines[1]);
        // Its parent is this test process: setsid replaced itself with the interpreter.
        Assert.Equal($"True True {Environment.ProcessId}", lines[2]);
        Assert.False(Directory.Exists(Path.GetDirectoryName(lines[0])));
    }

    [Fact]
    public async Task WindowsLineEndings_AreNormalised()
    {
        var outcome = await _runner.RunAsync(Bash("echo a\r\necho b\r\n"), null, CancellationToken.None);

        Assert.Equal((0, "a\nb\n"), (outcome.ExitCode!.Value, outcome.Output));
    }

    [Fact]
    public async Task MissingInterpreter_ThrowsInvalidOperation_NamingIt()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _runner.RunAsync(
            new ProcessSpec("no-such-interpreter", "x", [], null, NoVariables), null, CancellationToken.None));
        Assert.Contains("'no-such-interpreter'", error.Message, StringComparison.Ordinal);

        error = await Assert.ThrowsAsync<InvalidOperationException>(() => _runner.RunAsync(
            new ProcessSpec("/opt/none/python3", "x", [], null, NoVariables), null, CancellationToken.None));
        Assert.Contains("'/opt/none/python3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutputPastTheCap_IsTruncated_WhileThePipesAreDrained()
    {
        const int cap = 64 * 1024;
        var seen = new StringBuilder();

        var outcome = await _runner.RunAsync(Bash("yes | head -c 5000000; echo done >&2", cap), (_, line) => seen.Append(line).Append('\n'),
            CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((ProcessEnd.Exited, 0), (outcome.End, outcome.ExitCode!.Value));
        Assert.True(outcome.Truncated);
        Assert.InRange(Encoding.UTF8.GetByteCount(outcome.Output), cap - 100, cap);
        Assert.EndsWith("further output was discarded]\n", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("done", outcome.Output, StringComparison.Ordinal);
        // The callback got exactly the kept lines.
        Assert.Equal(outcome.Output[..outcome.Output.LastIndexOf('[')], seen.ToString());
    }

    [Fact]
    public async Task OneHugeLineOfChinese_IsCutAtTheCap_OnACharacterBoundary()
    {
        const int cap = 64 * 1024;
        var outcome = await _runner.RunAsync(Bash("for i in $(seq 100000); do printf 中文; done", cap), null, CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(outcome.Truncated);
        Assert.InRange(Encoding.UTF8.GetByteCount(outcome.Output), cap - 100, cap);
        Assert.DoesNotContain('\uFFFD', outcome.Output);
        Assert.StartsWith("中文中文", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_AreStreamed_BeforeTheProcessEnds()
    {
        var lines = new ConcurrentQueue<(string Stream, string Line, bool Done)>();
        Task<ProcessOutcome>? run = null;
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        run = _runner.RunAsync(Bash("echo first; sleep 0.2; echo warn >&2; sleep 2; echo second"), (stream, line) =>
        {
            lines.Enqueue((stream, line, run?.IsCompleted ?? false));
            first.TrySetResult();
        }, CancellationToken.None);

        await first.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(run.IsCompleted);
        var outcome = await run;
        Assert.Equal([("stdout", "first"), ("stderr", "warn"), ("stdout", "second")], lines.Select(l => (l.Stream, l.Line)));
        Assert.All(lines, l => Assert.False(l.Done));
        Assert.Equal("first\nwarn\nsecond\n", outcome.Output);
    }

    [Fact]
    public async Task FailingCallback_IsDropped_TheRunCompletes()
    {
        var outcome = await _runner.RunAsync(Bash("seq 3"), (_, _) => throw new FormatException("observer broke"), CancellationToken.None);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Equal("1\n2\n3\n[the line callback failed and was not called again: FormatException: observer broke]\n", outcome.Output);
    }
}
