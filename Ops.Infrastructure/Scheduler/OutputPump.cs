using System.Text;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// Batches a run's output lines for the live view: at most one event per <see cref="Interval"/>, so a job
/// printing thousands of lines a second costs open pages a handful of updates, not thousands.
/// </summary>
internal sealed class OutputPump : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly long _logId;
    private readonly IEventBus _events;
    private readonly StringBuilder _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public OutputPump(long logId, IEventBus events, TimeProvider clock)
    {
        (_logId, _events) = (logId, events);
        _loop = LoopAsync(clock);
    }

    public void Append(string line)
    {
        lock (_pending)
        {
            _pending.Append(line).Append('\n');
        }
    }

    /// <summary>Publishes what is left and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await FlushAsync();
        _stop.Dispose();
    }

    private async Task LoopAsync(TimeProvider clock)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Interval, clock, _stop.Token);
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
    }

    private Task FlushAsync()
    {
        string text;
        lock (_pending)
        {
            if (_pending.Length == 0)
            {
                return Task.CompletedTask;
            }

            text = _pending.ToString(0, _pending.Length - 1);
            _pending.Clear();
        }

        return _events.PublishAsync(new JobOutputAppended(_logId, text));
    }
}
