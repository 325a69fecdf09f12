using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;

namespace Ops.Benchmarks;

/// <summary>
/// A fixed piece of CPU work timed next to a measurement, so that a figure can be read against how fast the shared
/// machine was at that moment: 200,000 SHA-256 hashes of a 1 KiB buffer on one thread. Every verb prints it at its
/// start and at its end (<see cref="AroundAsync"/>); a run whose two timings differ much, or differ from another
/// run's, was measured on a busier machine.
/// </summary>
internal static class Calibration
{
    public static double LoopSeconds()
    {
        var buffer = new byte[1024];
        Span<byte> hash = stackalloc byte[32];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 200_000; i++)
        {
            buffer[i % buffer.Length] ^= (byte)i;
            SHA256.HashData(buffer, hash);
        }

        return watch.Elapsed.TotalSeconds;
    }

    public static string Describe() => Describe(LoopSeconds());

    /// <summary>Runs a verb between two timings of the loop and prints both and their ratio.</summary>
    public static async Task AroundAsync(string verb, Func<Task> run)
    {
        var before = LoopSeconds();
        Console.WriteLine($"{verb}: at the start, {Describe(before)}");
        try
        {
            await run();
        }
        finally
        {
            var after = LoopSeconds();
            Console.WriteLine($"{verb}: at the end, {Describe(after)}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{verb}: calibration end ÷ start {after / before:F2} (1.00 = the machine as busy at the end as at the start)"));
        }
    }

    private static string Describe(double seconds) =>
        string.Create(CultureInfo.InvariantCulture, $"calibration loop (200,000 × SHA-256 of 1 KiB, one thread): {seconds:F2} s");
}
