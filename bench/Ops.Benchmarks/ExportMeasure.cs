using System.Diagnostics;
using System.Globalization;

namespace Ops.Benchmarks;

/// <summary>One export variant's figures: per-run medians and p95 over the measured runs.</summary>
internal sealed record ExportFigures(string Name, int Rows, double MedianMs, double P95Ms, long MedianAllocated, long MedianPeakDelta, long Bytes)
{
    public double RowsPerSecond => Rows / (MedianMs / 1000);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"  {Name,-58} median {MedianMs,8:F1} ms   p95 {P95Ms,8:F1} ms   {RowsPerSecond,9:N0} rows/s   allocated {MiB(MedianAllocated),7:F1} MiB   peak working set +{MiB(MedianPeakDelta),6:F1} MiB   file {Bytes / 1024.0,7:N0} KiB");

    public static double MiB(long bytes) => bytes / 1024.0 / 1024.0;
}

/// <summary>
/// Times exports: each measured run after a full GC, with its time, allocated bytes of the whole process
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise: the export hops threads) and the working set's highest
/// point above where it stood at the start of the run, sampled every few milliseconds.
/// </summary>
internal static class ExportMeasure
{
    /// <summary>
    /// Each variant warmed up, then the measured runs interleaved (variant 1, 2, …, 1, 2, …) so that a change in the
    /// shared machine's load falls on all of them alike.
    /// </summary>
    public static async Task<IReadOnlyList<ExportFigures>> RunAsync(IReadOnlyList<(string Name, Func<Stream, Task> Export)> variants, int rows, int warmup, int runs)
    {
        foreach (var (_, export) in variants)
        {
            for (var i = 0; i < warmup; i++)
            {
                await export(new CountingStream());
            }
        }

        var samples = variants.Select(_ => new List<(double Ms, long Allocated, long Peak, long Bytes)>()).ToList();
        for (var i = 0; i < runs; i++)
        {
            for (var v = 0; v < variants.Count; v++)
            {
                samples[v].Add(await OnceAsync(variants[v].Export));
            }
        }

        return variants.Select((variant, v) => new ExportFigures(
            variant.Name, rows,
            Median(samples[v].Select(s => s.Ms)),
            Percentile95(samples[v].Select(s => s.Ms)),
            (long)Median(samples[v].Select(s => (double)s.Allocated)),
            (long)Median(samples[v].Select(s => (double)s.Peak)),
            samples[v][^1].Bytes)).ToList();
    }

    private static async Task<(double Ms, long Allocated, long Peak, long Bytes)> OnceAsync(Func<Stream, Task> export)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sink = new CountingStream();
        using var sampler = new WorkingSetSampler();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await export(sink);
        var ms = watch.Elapsed.TotalMilliseconds;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return (ms, allocated, await sampler.StopAsync(), sink.Length);
    }

    private static double Percentile95(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Ceiling(sorted.Count * 0.95) - 1];
    }

    private static double Median(IEnumerable<double> source)
    {
        var values = source.Order().ToList();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    /// <summary>Samples <see cref="Environment.WorkingSet"/> until stopped; the highest point above the first sample.</summary>
    private sealed class WorkingSetSampler : IDisposable
    {
        private readonly long _start = Environment.WorkingSet;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<long> _sampling;

        public WorkingSetSampler() => _sampling = Task.Run(SampleAsync);

        public async Task<long> StopAsync()
        {
            await _stop.CancelAsync();
            return await _sampling;
        }

        public void Dispose() => _stop.Dispose();

        private async Task<long> SampleAsync()
        {
            var peak = _start;
            while (!_stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                try
                {
                    await Task.Delay(5, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            return Math.Max(peak, Environment.WorkingSet) - _start;
        }
    }
}

/// <summary>A write-only sink that keeps nothing and counts the bytes written: what every variant writes to.</summary>
internal sealed class CountingStream : Stream
{
    private long _length;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => _length += count;

    public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _length += count;
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _length += buffer.Length;
        return ValueTask.CompletedTask;
    }
}
