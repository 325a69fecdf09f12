using System.Diagnostics;
using System.Security.Cryptography;

namespace Ops.Benchmarks;

/// <summary>
/// A fixed piece of CPU work timed next to a measurement, so that a figure can be read against how fast the shared
/// machine was at that moment: 200,000 SHA-256 hashes of a 1 KiB buffer on one thread.
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

    public static string Describe() => $"calibration loop (200,000 × SHA-256 of 1 KiB, one thread): {LoopSeconds():F2} s";
}
