using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Benchmarks;

internal static partial class ApprovalBench
{
    /// <summary>
    /// <c>BENCH_NOTICE_BATCH=n</c> with <c>BENCH_OUTBOX=off</c>: the measured run's notice rows, still queued, handed to
    /// the message center as the approval outbox does: after a short warm-up of both, a quarter (at most 300) one row per call, as today's
    /// dispatcher does, the rest <c>n</c> rows per call (the per-batch path). Prints both rates and their ratio, same run.
    /// </summary>
    private static async Task NoticeBatchesAsync(IServiceProvider services, long firstMeasured, SqlCounter sql)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BENCH_NOTICE_BATCH"), CultureInfo.InvariantCulture, out var size) || size < 1)
        {
            return;
        }

        List<ApprovalCallback> rows;
        await using (var scope = services.CreateSystemScope())
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync())
        {
            rows = await db.ApprovalCallbacks.AsNoTracking()
                .Where(c => c.Kind == CallbackKind.Notice && c.Status == CallbackStatus.Pending && c.InstanceId >= firstMeasured).OrderBy(c => c.Id).ToListAsync();
        }

        var effects = services.GetRequiredService<ApprovalEffects>();

        // Warm both paths first (templates created on first use, JIT): the first 200 rows, 100 each way, not timed.
        var warm = Math.Min(100, rows.Count / 8);
        await TimeAsync(rows.Take(warm).ToList(), 1);
        await TimeAsync(rows.Skip(warm).Take(warm).ToList(), size);
        rows = rows.Skip(2 * warm).ToList();
        var single = rows.Take(Math.Min(300, rows.Count / 4)).ToList();
        var (oneRate, oneSql) = await TimeAsync(single, 1);
        var (manyRate, manySql) = await TimeAsync(rows.Skip(single.Count).ToList(), size);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  notice rows to the message center: one per call {oneRate:N0} rows/s ({oneSql:F1} SQL commands a row, {single.Count} rows); {size} per call {manyRate:N0} rows/s ({manySql:F2} commands a row, {rows.Count - single.Count} rows); batched ÷ one at a time {manyRate / oneRate:F1}"));

        async Task<(double Rate, double Commands)> TimeAsync(List<ApprovalCallback> part, int chunk)
        {
            sql.Reset();
            SqlCounter.Step.Value = "notices";
            var clock = Stopwatch.StartNew();
            var refused = 0;
            foreach (var batch in part.Chunk(chunk))
            {
                await using var scope = services.CreateSystemScope();
                refused += (await effects.SendNoticesAsync(scope.ServiceProvider, batch, CancellationToken.None)).Count(r => r.Value is not null);
            }

            clock.Stop();
            SqlCounter.Step.Value = null;
            if (refused > 0)
            {
                Console.WriteLine($"  {refused} notice rows refused");
            }

            return (part.Count / clock.Elapsed.TotalSeconds, (double)sql.Commands("notices") / Math.Max(1, part.Count));
        }
    }
}
