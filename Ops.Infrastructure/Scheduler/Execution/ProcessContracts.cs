namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// What to start. <see cref="Script"/> is written (UTF-8, no BOM, CRLF turned into LF) to a private temp file
/// (mode 0600 in a fresh 0700 temp dir) and run as <c>Interpreter &lt;file&gt; Arguments...</c>, e.g.
/// <c>bash &lt;file&gt; a b</c> or <c>python3 &lt;file&gt; a b</c>; the temp dir is deleted afterwards.
/// A bare <see cref="Interpreter"/> name is looked up on the job's PATH (the safe default, or the spec's PATH),
/// not on the portal's. <see cref="WorkingDirectory"/> <c>null</c> means the temp dir, which is also HOME.
/// </summary>
public sealed record ProcessSpec(
    string Interpreter,
    string Script,
    IReadOnlyList<string> Arguments,
    string? WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    int OutputLimitBytes = 1_048_576)
{
    /// <summary>
    /// Called once the script runs in its own process group, with what names that group after a crash; the run waits
    /// for it (so a record of the group is written before the script gets far). Not called without a group of its own.
    /// </summary>
    public Func<RunProcess, Task>? Started { get; init; }
}

public enum ProcessEnd
{
    /// <summary>The interpreter ended by itself; <see cref="ProcessOutcome.ExitCode"/> is its code (128+n if a signal n from elsewhere ended it).</summary>
    Exited,

    /// <summary>The run was cancelled and the process tree killed; there is no exit code.</summary>
    Killed,
}

/// <summary>
/// <see cref="Output"/> is stdout and stderr interleaved line by line in arrival order, each line ending in LF
/// (they are two pipes: lines written to different streams within a millisecond or so may come out swapped),
/// at most <see cref="ProcessSpec.OutputLimitBytes"/> UTF-8 bytes including the marker line that ends it when it is
/// <see cref="Truncated"/>. Past the cap the process keeps running and its pipes keep being drained.
/// </summary>
public sealed record ProcessOutcome(ProcessEnd End, int? ExitCode, string Output, bool Truncated, TimeSpan Duration);

public interface IProcessRunner
{
    /// <summary>
    /// Runs the script in its own session and process group, with a clean environment and an empty stdin.
    /// <paramref name="onLine"/> gets (stream, line) — stream is "stdout" or "stderr", the line without its line
    /// break — as each line arrives, one call at a time (keep it quick: while it runs that pipe is not drained);
    /// it gets exactly the lines that go into the output, so not those past the cap. If it throws it is not called
    /// again and the output ends with a note saying so.
    /// When <paramref name="cancellationToken"/> fires, the whole process tree is killed, the call waits for the
    /// exit (at most 10 s) and returns <see cref="ProcessEnd.Killed"/>; it never throws <see cref="OperationCanceledException"/>
    /// (an already cancelled token returns Killed without starting anything). When the interpreter exits by
    /// itself, whatever it left running in its process group is killed too.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process could not be started: the interpreter is not found
    /// or not executable, the working directory does not exist, or the OS refused to start it. The message names it.</exception>
    /// <exception cref="ArgumentException">The spec is malformed (empty interpreter, NUL characters, '=' in a variable name, a cap ≤ 0).</exception>
    Task<ProcessOutcome> RunAsync(ProcessSpec spec, Action<string, string>? onLine, CancellationToken cancellationToken);
}
