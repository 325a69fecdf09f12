using System.Runtime.CompilerServices;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The whole suite shares one process: dozens of real hosts (each with Quartz, the outbox and SQLite, whose
/// "async" calls block a thread) run side by side with the browser tests' portal. The thread pool's slow
/// growth would otherwise starve the browser's circuit for tens of seconds on a 2-core machine. Component tests
/// get the same patience.
/// </summary>
internal static class TestProcessSetup
{
    [ModuleInitializer]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

        // bUnit waits one second for a render by default; under the full parallel run a render can take longer.
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
