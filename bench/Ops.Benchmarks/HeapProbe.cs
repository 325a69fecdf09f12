using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ops.Benchmarks;

/// <summary>The live managed heap of a process, its objects' bytes by type, and where the snapshot was written.</summary>
internal sealed record HeapSnapshot(long HeapBytes, IReadOnlyDictionary<string, (long Bytes, long Count)> Types, string DumpPath)
{
    /// <summary>
    /// The share of the heap that the by-type rows account for. Before .NET 11 the runtime sends the heap over a lossy
    /// buffer; on a busy machine most of a large heap's node events can be lost, leaving the total right and the rows short.
    /// </summary>
    public double TypedShare => Types.Values.Sum(t => t.Bytes) / (double)HeapBytes;
}

/// <summary>
/// Forces a full blocking GC in another process and reads its heap, through <c>dotnet-gcdump</c> (a local tool of the
/// repository, <c>dotnet tool restore</c>): collecting a gcdump induces a gen-2 collection over EventPipe, so the product
/// needs no endpoint of its own for this.
/// </summary>
internal static partial class HeapProbe
{
    public static async Task<HeapSnapshot> CollectAsync(int processId, string dumpPath)
    {
        await ToolAsync("collect", "-p", processId.ToString(CultureInfo.InvariantCulture), "-o", dumpPath);
        var report = await ToolAsync("report", dumpPath);
        long heap = 0;
        var types = new Dictionary<string, (long, long)>();
        foreach (var line in report.Split('\n'))
        {
            if (HeapLine().Match(line) is { Success: true } total)
            {
                heap = Number(total.Groups[1].Value);
            }
            else if (TypeLine().Match(line) is { Success: true } type)
            {
                // Large arrays come on lines of their own, "(Bytes > 10K)"; one row per type is enough here.
                var name = SizeBucket().Replace(type.Groups[3].Value, "").Trim();
                types[name] = types.TryGetValue(name, out var seen)
                    ? (seen.Item1 + Number(type.Groups[1].Value), seen.Item2 + Number(type.Groups[2].Value))
                    : (Number(type.Groups[1].Value), Number(type.Groups[2].Value));
            }
        }

        return heap > 0 ? new HeapSnapshot(heap, types, dumpPath) : throw new InvalidOperationException("dotnet-gcdump report gave no heap size:\n" + report);
    }

    /// <summary>The types that grew most from <paramref name="before"/> to <paramref name="after"/>, per circuit.</summary>
    public static IEnumerable<(string Type, double BytesPerCircuit, double CountPerCircuit)> Growth(HeapSnapshot before, HeapSnapshot after, int circuits, int top) =>
        after.Types
            .Select(t => (t.Key, Grown: t.Value.Bytes - (before.Types.TryGetValue(t.Key, out var b) ? b.Bytes : 0), Count: t.Value.Count - (before.Types.TryGetValue(t.Key, out var c) ? c.Count : 0)))
            .OrderByDescending(t => t.Grown)
            .Take(top)
            .Select(t => (t.Key, t.Grown / (double)circuits, t.Count / (double)circuits));

    private static long Number(string text) => long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    private static Task<string> ToolAsync(params string[] arguments) =>
        Dotnet.RunAsync(RepositoryRoot(), "; run `dotnet tool restore`", ["tool", "run", "dotnet-gcdump", .. arguments]);

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ops.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Ops.sln not found above the bench's output.");
    }

    [GeneratedRegex(@"^\s*([\d,]+)\s+GC Heap bytes")]
    private static partial Regex HeapLine();

    [GeneratedRegex(@"^\s*([\d,]+)\s+([\d,]+)\s+(.+?)\s+\[[^\]]+\]\s*$")]
    private static partial Regex TypeLine();

    [GeneratedRegex(@"\(Bytes > [^)]*\)")]
    private static partial Regex SizeBucket();
}
