using System.Globalization;
using System.Text.RegularExpressions;
using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// Shell and Python jobs: a child process in its own process group with a clean environment
/// (nothing of the portal's, so no secrets), parameters as <c>OPS_PARAM_*</c> variables, output
/// captured up to the configured limit and streamed live; a non-zero exit is a failure.
/// </summary>
internal abstract partial class ProcessJobExecutor(IProcessRunner runner, SchedulerOptions options) : IJobExecutor
{
    public abstract JobType Type { get; }

    public async Task<ExecutionResult> ExecuteAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var spec = Spec(execution);
        var outcome = await runner.RunAsync(spec, (_, line) => execution.Output(line), cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (outcome.End == ProcessEnd.Killed)
        {
            return ExecutionResult.Failed(RunTexts.ProcessKilled, outcome.Output);
        }

        return outcome.ExitCode == 0
            ? ExecutionResult.Ok(outcome.Output)
            : ExecutionResult.Failed(string.Create(CultureInfo.InvariantCulture, $"Exit code {outcome.ExitCode}") + LastLines(outcome.Output), outcome.Output);
    }

    protected abstract ProcessSpec Spec(JobExecution execution);

    protected ProcessSpec Build(string interpreter, string script, IReadOnlyList<string>? arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string>? environment, JobExecution execution)
    {
        var variables = new Dictionary<string, string>(environment ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            ["OPS_JOB_ID"] = execution.Job.Id.ToString(CultureInfo.InvariantCulture),
            ["OPS_RUN_ID"] = execution.LogId.ToString(CultureInfo.InvariantCulture),
            ["OPS_TRACE_ID"] = execution.TraceId,
        };
        foreach (var (name, value) in execution.Parameters)
        {
            variables["OPS_PARAM_" + ParameterName().Replace(name, "_").ToUpperInvariant()] = value;
        }

        return new ProcessSpec(interpreter, script, arguments ?? [], string.IsNullOrWhiteSpace(workingDirectory) ? null : workingDirectory,
            variables, options.OutputLimitBytes) { Started = execution.ProcessStarted };
    }

    /// <summary>The end of the output goes into the error too, so the log list shows why without opening the run.</summary>
    private static string LastLines(string output)
    {
        var lines = output.TrimEnd().Split('\n');
        var tail = string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 5)));
        return tail.Length == 0 ? "" : "\n" + tail;
    }

    [GeneratedRegex("[^A-Za-z0-9_]")]
    private static partial Regex ParameterName();
}

internal sealed class ShellJobExecutor(IProcessRunner runner, SchedulerOptions options) : ProcessJobExecutor(runner, options)
{
    private readonly SchedulerOptions _options = options;

    public override JobType Type => JobType.Shell;

    protected override ProcessSpec Spec(JobExecution execution)
    {
        var config = (ShellJobConfig)execution.Config;
        return Build(_options.ShellPath, config.Script, [], config.WorkingDirectory, config.Environment, execution);
    }
}

internal sealed class PythonJobExecutor(IProcessRunner runner, SchedulerOptions options) : ProcessJobExecutor(runner, options)
{
    private readonly SchedulerOptions _options = options;

    public override JobType Type => JobType.Python;

    protected override ProcessSpec Spec(JobExecution execution)
    {
        var config = (PythonJobConfig)execution.Config;
        return Build(_options.PythonPath, config.Script, config.Arguments, config.WorkingDirectory, config.Environment, execution);
    }
}
