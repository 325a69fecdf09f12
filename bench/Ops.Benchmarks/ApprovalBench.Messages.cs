using System.Collections.Concurrent;
using System.Diagnostics;
using Ops.Domain.Common;
using Ops.Domain.Notifications;

namespace Ops.Benchmarks;

/// <summary>The two message services of the approvals bench's phases: the real one timed, and none.</summary>
internal static partial class ApprovalBench
{
    /// <summary>Notifications on: the real message service, with the wall time spent inside it added up per step.</summary>
    private sealed class TimedMessages(Ops.Infrastructure.Notifications.MessageService inner) : IMessageService
    {
        private static readonly ConcurrentDictionary<string, long> Ticks = new();

        public static void Reset() => Ticks.Clear();

        public static double MillisecondsIn(string step) => TimeSpan.FromTicks(Ticks.GetValueOrDefault(step)).TotalMilliseconds;

        public async Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await inner.SendAsync(request, cancellationToken);
            }
            finally
            {
                Add(started);
            }
        }

        public async Task<IReadOnlyList<Result<int>>> SendManyAsync(IReadOnlyList<SendRequest> requests, CancellationToken cancellationToken = default)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await inner.SendManyAsync(requests, cancellationToken);
            }
            finally
            {
                Add(started);
            }
        }

        private static void Add(long started) =>
            Ticks.AddOrUpdate(SqlCounter.Step.Value ?? "background", Stopwatch.GetElapsedTime(started).Ticks, (_, t) => t + Stopwatch.GetElapsedTime(started).Ticks);
    }

    /// <summary>Notifications off: the send is accepted and nothing is queued.</summary>
    private sealed class NoMessages : IMessageService
    {
        public Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default) => Task.FromResult<Result<int>>(0);

        public Task<IReadOnlyList<Result<int>>> SendManyAsync(IReadOnlyList<SendRequest> requests, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<Result<int>>>(requests.Select(_ => (Result<int>)0).ToList());
    }
}
