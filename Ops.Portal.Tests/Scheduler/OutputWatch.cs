using System.Collections.Concurrent;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>The live output of runs as the event bus delivers it, to wait for a line instead of sleeping until it is likely there.</summary>
public sealed class OutputWatch : IDisposable
{
    private readonly ConcurrentDictionary<long, string> _output = new();
    private readonly BusSignal _signal;

    public OutputWatch(IEventBus events)
    {
        _signal = new BusSignal(events).On<JobOutputAppended>(e =>
        {
            _output.AddOrUpdate(e.LogId, e.Line, (_, before) => before + "\n" + e.Line);
            return true;
        });
    }

    public string Of(long logId) => _output.GetValueOrDefault(logId, "");

    public Task<string> WaitForAsync(long logId, string fragment, TimeSpan? timeout = null) =>
        _signal.UntilAsync(
            () => Task.FromResult(Of(logId)),
            text => text.Contains(fragment, StringComparison.Ordinal),
            text => $"run {logId} did not print '{fragment}'; so far: {text}",
            timeout);

    public void Dispose() => _signal.Dispose();
}
