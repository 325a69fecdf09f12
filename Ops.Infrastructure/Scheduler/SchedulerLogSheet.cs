using System.Globalization;
using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Scheduler;

/// <summary>The scheduling log as an Excel sheet, headers in the caller's language (as the other exports do).</summary>
internal static class SchedulerLogSheet
{
    public static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IEnumerable<SchedulerLogRow> rows)
    {
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return rows.Select(r => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [zh ? "编号" : "Run"] = r.Id,
            [zh ? "任务" : "Job"] = r.JobName,
            [zh ? "任务 ID" : "JobId"] = r.JobId,
            [zh ? "触发方式" : "Trigger"] = r.Trigger.ToString(),
            [zh ? "状态" : "Status"] = r.Status.ToString(),
            [zh ? "计划时间 (UTC)" : "Scheduled (UTC)"] = Time(r.ScheduledAt),
            [zh ? "开始时间 (UTC)" : "Started (UTC)"] = Time(r.StartedAt),
            [zh ? "结束时间 (UTC)" : "Ended (UTC)"] = Time(r.EndedAt),
            [zh ? "耗时 (ms)" : "Duration (ms)"] = r.DurationMs,
            [zh ? "第几次" : "Attempt"] = r.Attempt,
            [zh ? "节点" : "Node"] = r.Node,
            [zh ? "追踪 ID" : "TraceId"] = r.TraceId,
            [zh ? "错误" : "Error"] = r.Error,
        });
    }

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
