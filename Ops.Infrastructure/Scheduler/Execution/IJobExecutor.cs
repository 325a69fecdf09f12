using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// One run of a job as an executor sees it. <see cref="Output"/> streams lines to the live view;
/// <see cref="Parameters"/> are the run's inputs (run-now parameters, flow results).
/// </summary>
public sealed record JobExecution(
    Job Job,
    JobConfig Config,
    IReadOnlyDictionary<string, string> Parameters,
    long LogId,
    string TraceId,
    Action<string> Output)
{
    /// <summary>Told the process group a script run started (shell and Python jobs), so that it can be recorded.</summary>
    public Func<RunProcess, Task>? ProcessStarted { get; init; }
}

/// <summary>What a run produced. Cancellation and timeouts are decided by the runner, not here.</summary>
public sealed record ExecutionResult(bool Success, string? Result, string? Error)
{
    public static ExecutionResult Ok(string? result) => new(true, result, null);

    public static ExecutionResult Failed(string error, string? result = null) => new(false, result, error);
}

/// <summary>Runs one job type. Must return promptly (or throw <see cref="OperationCanceledException"/>) when the token fires.</summary>
public interface IJobExecutor
{
    JobType Type { get; }

    Task<ExecutionResult> ExecuteAsync(JobExecution execution, CancellationToken cancellationToken);
}
