using System.Collections.Concurrent;
using System.Text;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// The runs executing in this process: their stop switch and the output printed so far, for the
/// live view. Also the per-job gate that makes "is one already running?" and "start" one step.
/// </summary>
public sealed class RunningJobs
{
    public const int LiveOutputMaxChars = 200_000;

    private readonly ConcurrentDictionary<long, Run> _runs = new();
    private readonly ConcurrentDictionary<long, SemaphoreSlim> _gates = new();

    public Run Register(long jobId, long logId, CancellationTokenSource stop)
    {
        var run = new Run(jobId, logId, stop);
        _runs[logId] = run;
        return run;
    }

    public void Remove(long logId) => _runs.TryRemove(logId, out _);

    public bool IsRunningHere(long logId) => _runs.ContainsKey(logId);

    public bool TryStop(long logId)
    {
        if (!_runs.TryGetValue(logId, out var run))
        {
            return false;
        }

        run.Stop();
        return true;
    }

    public string? OutputOf(long logId) => _runs.TryGetValue(logId, out var run) ? run.Output : null;

    /// <summary>Serializes the overlap check and the start of a run for one job (on this node).</summary>
    public async Task<IDisposable> GateAsync(long jobId, CancellationToken cancellationToken)
    {
        var gate = _gates.GetOrAdd(jobId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Releaser(gate);
    }

    public sealed class Run(long jobId, long logId, CancellationTokenSource stop)
    {
        private readonly StringBuilder _output = new();

        public long JobId { get; } = jobId;

        public long LogId { get; } = logId;

        public bool StopRequested { get; private set; }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Stop()
        {
            StopRequested = true;
            try
            {
                stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended meanwhile.
            }
        }

        public void Append(string line)
        {
            lock (_output)
            {
                if (_output.Length < LiveOutputMaxChars)
                {
                    _output.Append(line).Append('\n');
                }
            }
        }
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
