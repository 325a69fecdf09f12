using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Ops.Benchmarks;

/// <summary>
/// The machine's speed at the start and at the end of a run: a fixed CPU-bound loop (xorshift64 + FNV-1a over
/// 40 million steps, no allocation, no I/O), timed five times, median printed. On shared machines absolute figures
/// move by tens of per cent between runs; a run whose two calibrations differ much, or differ from another run's,
/// was measured on a busier machine. Every verb prints it, so every figure can be read beside it.
/// </summary>
internal static class Calibration
{
    private const int Steps = 40_000_000;
    private const int Repetitions = 5;

    public static async Task AroundAsync(string verb, Func<Task> run)
    {
        var before = Measure();
        Console.WriteLine(Describe($"{verb}: calibration loop at the start", before));
        try
        {
            await run();
        }
        finally
        {
            var after = Measure();
            Console.WriteLine(Describe($"{verb}: calibration loop at the end", after));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verb}: calibration end ÷ start {after.Median / before.Median:F2} (1.00 = the machine as busy at the end as at the start)"));
        }
    }

    /// <summary>Median and range of five timings of the fixed loop, in milliseconds.</summary>
    public static (double Median, double Min, double Max) Measure()
    {
        var samples = new double[Repetitions];
        ulong sink = 0;
        for (var i = 0; i < Repetitions; i++)
        {
            var started = Stopwatch.GetTimestamp();
            sink ^= Loop(Steps, (ulong)i + 1);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        // The result is used so the JIT cannot drop the loop.
        GC.KeepAlive(sink);
        Array.Sort(samples);
        return (samples[Repetitions / 2], samples[0], samples[^1]);
    }

    private static string Describe(string label, (double Median, double Min, double Max) timing) => string.Create(CultureInfo.InvariantCulture,
        $"{label} (xorshift64 + FNV-1a, {Steps / 1_000_000} M steps, median of {Repetitions}): {timing.Median:F1} ms (range {timing.Min:F1}–{timing.Max:F1} ms)");

    // Fully optimised from the first call: a tier-0 first timing would measure the JIT, not the machine.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static ulong Loop(int steps, ulong seed)
    {
        var x = seed * 0x9E3779B97F4A7C15UL;
        var hash = 0xcbf29ce484222325UL;
        for (var i = 0; i < steps; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            hash = (hash ^ (x & 0xFF)) * 0x100000001b3UL;
        }

        return hash;
    }
}
