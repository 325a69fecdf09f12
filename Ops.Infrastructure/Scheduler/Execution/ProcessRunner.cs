using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.Versioning;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>Runs scheduler scripts as child processes on Linux; see <see cref="IProcessRunner"/>.</summary>
internal sealed class ProcessRunner : IProcessRunner
{
    public const string SafePath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    private const string Setsid = "/usr/bin/setsid";
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DrainWait = TimeSpan.FromSeconds(2);

    public async Task<ProcessOutcome> RunAsync(ProcessSpec spec, Action<string, string>? onLine, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("The process runner needs Linux (setsid, /proc, process groups).");
        }

        Validate(spec);
        var watch = Stopwatch.StartNew();
        if (cancellationToken.IsCancellationRequested)
        {
            return new ProcessOutcome(ProcessEnd.Killed, null, "", false, watch.Elapsed);
        }

        if (spec.WorkingDirectory is { } requested && !Directory.Exists(requested))
        {
            throw new InvalidOperationException($"The working directory '{requested}' does not exist.");
        }

        var jobPath = spec.Environment.TryGetValue("PATH", out var overridden) ? overridden : SafePath;
        var interpreter = JobFiles.ResolveInterpreter(spec.Interpreter, jobPath, spec.WorkingDirectory ?? Environment.CurrentDirectory);
        if (!File.Exists(Setsid))
        {
            throw new InvalidOperationException($"{Setsid} (util-linux) is missing; it is needed to start '{spec.Interpreter}' in its own process group.");
        }

        var tempDir = Directory.CreateTempSubdirectory("ops-job-").FullName;
        try
        {
            var scriptFile = JobFiles.WriteScript(tempDir, spec.Script);
            var startInfo = new ProcessStartInfo(Setsid)
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = spec.WorkingDirectory ?? tempDir,
            };
            // setsid is never a group leader here (a fresh child of the portal), so it calls setsid(2) and execs the
            // interpreter in place: the interpreter's pid is the id of its own session and process group.
            startInfo.ArgumentList.Add(interpreter);
            startInfo.ArgumentList.Add(scriptFile);
            foreach (var argument in spec.Arguments)
            {
                startInfo.ArgumentList.Add(argument);
            }

            startInfo.Environment.Clear();
            foreach (var (name, value) in JobEnvironment(tempDir, spec.Environment))
            {
                startInfo.Environment[name] = value;
            }

            using var process = Start(startInfo, spec.Interpreter);
            return await SuperviseAsync(process, spec, onLine, watch, cancellationToken);
        }
        finally
        {
            JobFiles.TryDeleteDirectory(tempDir);
        }
    }

    /// <summary>The variables a job sees: nothing of the portal's, a fixed base, then the spec's (which may override).</summary>
    public static Dictionary<string, string> JobEnvironment(string home, IReadOnlyDictionary<string, string> extra)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = SafePath,
            ["HOME"] = home,
            ["LANG"] = "C.UTF-8",
            ["LC_ALL"] = "C.UTF-8",
            ["PYTHONUNBUFFERED"] = "1",
            ["PYTHONIOENCODING"] = "utf-8",
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    private static Process Start(ProcessStartInfo startInfo, string interpreter)
    {
        try
        {
            return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start '{interpreter}'.");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start '{interpreter}': {ex.Message}", ex);
        }
    }

    [SupportedOSPlatform("linux")]
    private static async Task<ProcessOutcome> SuperviseAsync(
        Process process, ProcessSpec spec, Action<string, string>? onLine, Stopwatch watch, CancellationToken cancellationToken)
    {
        process.StandardInput.Close();
        var collector = new ProcessOutputCollector(spec.OutputLimitBytes, onLine);
        var stdout = collector.DrainAsync(process.StandardOutput.BaseStream, "stdout");
        var stderr = collector.DrainAsync(process.StandardError.BaseStream, "stderr");
        var exited = process.WaitForExitAsync(CancellationToken.None);
        var group = await ProcessGroups.ConfirmOwnGroupAsync(process);
        if (group && spec.Started is { } started && RunProcess.Of(process.Id) is { } stamp)
        {
            await started(stamp);
        }

        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(() => cancelled.TrySetResult()))
        {
            await Task.WhenAny(exited, cancelled.Task);
        }

        var killed = !exited.IsCompleted;
        if (killed)
        {
            ProcessGroups.KillTree(process, group);
            await WaitQuietlyAsync(exited, KillWait);
        }
        else if (group)
        {
            // Background children the script did not wait for would otherwise outlive the job and keep our pipes open.
            ProcessGroups.KillGroup(process.Id);
        }

        await WaitQuietlyAsync(Task.WhenAll(stdout, stderr), DrainWait);
        var (output, truncated) = collector.Complete();
        return new ProcessOutcome(
            killed ? ProcessEnd.Killed : ProcessEnd.Exited, killed ? null : process.ExitCode, output, truncated, watch.Elapsed);
    }

    /// <summary>Waits up to <paramref name="limit"/>; a process stuck in the kernel or a pipe held by an escaped process must not hang the job.</summary>
    private static async Task WaitQuietlyAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
        }
    }

    private static void Validate(ProcessSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Interpreter);
        ArgumentNullException.ThrowIfNull(spec.Script);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.OutputLimitBytes);
        if (spec.Interpreter.Contains('\0') || spec.Arguments.Any(a => a is null || a.Contains('\0')))
        {
            throw new ArgumentException("The interpreter and arguments must not be null or contain NUL characters.", nameof(spec));
        }

        foreach (var (name, value) in spec.Environment)
        {
            if (name.Length == 0 || name.Contains('=') || name.Contains('\0') || value is null || value.Contains('\0'))
            {
                throw new ArgumentException($"Invalid environment variable '{name}': names must be non-empty without '=' or NUL, values without NUL.", nameof(spec));
            }
        }
    }
}
