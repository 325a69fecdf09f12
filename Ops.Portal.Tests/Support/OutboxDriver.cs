using Ops.Domain.Common;
using Ops.Infrastructure.Common.Outbox;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// Drives a running outbox pass by pass: each step wakes the dispatcher and awaits the end of a pass that started after
/// it, so a test waits on the dispatcher's work, never on the clock. Time moves only when the test advances its
/// FakeTimeProvider.
/// </summary>
internal sealed class OutboxDriver<TRow, TStatus>(IServiceProvider services)
    where TRow : class, IOutboxRow<TStatus>
    where TStatus : struct, Enum
{
    /// <summary>A bound on one pass, so a broken dispatcher fails the test instead of hanging it; not a wait for time to pass.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private OutboxDispatcher<TRow, TStatus> Dispatcher => services.GetRequiredService<OutboxDispatcher<TRow, TStatus>>();

    /// <summary>One full pass that starts now (at the clock's current time).</summary>
    public async Task PassAsync()
    {
        var next = Dispatcher.NextPass;
        Dispatcher.Wake();
        await next.WaitAsync(Bound);
    }

    /// <summary>Reads after each pass until <paramref name="done"/> holds; fails after <paramref name="passes"/> passes.</summary>
    public async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, int passes = 100)
    {
        for (var i = 0; i < passes; i++)
        {
            var next = Dispatcher.NextPass;
            var value = await read();
            if (done(value))
            {
                return value;
            }

            Dispatcher.Wake();
            await next.WaitAsync(Bound);
        }

        throw new TimeoutException($"The {typeof(TRow).Name} outbox did not reach the expected state in {passes} passes.");
    }
}
