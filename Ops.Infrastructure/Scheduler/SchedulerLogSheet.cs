using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;

namespace Ops.Infrastructure.Scheduler;

/// <summary>The columns of the exported scheduling log.</summary>
internal static class SchedulerLogSheet
{
    public static readonly SheetColumns<SchedulerLogRow> Columns = new SheetColumns<SchedulerLogRow>()
        .Add("sheet.scheduler.run", r => r.Id)
        .Add("sheet.scheduler.job", r => r.JobName)
        .Add("sheet.scheduler.job_id", r => r.JobId)
        .Word("sheet.scheduler.trigger", r => $"job.trigger.{r.Trigger.ToString().ToLowerInvariant()}")
        .Word("sheet.common.status", r => $"scheduler.status.{r.Status.ToString().ToLowerInvariant()}")
        .Time("sheet.scheduler.scheduled", r => r.ScheduledAt)
        .Time("sheet.scheduler.started", r => r.StartedAt)
        .Time("sheet.scheduler.ended", r => r.EndedAt)
        .Add("sheet.scheduler.duration_ms", r => r.DurationMs)
        .Add("sheet.scheduler.attempt", r => r.Attempt)
        .Add("sheet.scheduler.node", r => r.Node)
        .Add("sheet.scheduler.trace_id", r => r.TraceId)
        .Add("sheet.common.error", r => r.Error);
}
