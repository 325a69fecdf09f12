using MudBlazor;
using Ops.Domain.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Components.Pages.Scheduler;

/// <summary>The scheduler pages in the drawer; a run page belongs to the job list.</summary>
public static class SchedulerMenu
{
    private const string JobsHref = "/scheduler/jobs";

    public static NavGroup Group { get; } = new(SchedulerPermissions.Descriptor, "perm.scheduler", Icons.Material.Filled.Schedule,
    [
        new("perm.scheduler.jobs.view", JobsHref, Icons.Material.Filled.WorkHistory, SchedulerPermissions.Jobs.View),
        new("perm.scheduler.flows.view", "/scheduler/flows", Icons.Material.Filled.AccountTree, SchedulerPermissions.Flows.View),
        new("perm.scheduler.alerts.view", "/scheduler/alerts", Icons.Material.Filled.NotificationImportant, SchedulerPermissions.Alerts.View),
        new("perm.scheduler.logs.view", "/scheduler/logs", Icons.Material.Filled.ReceiptLong, SchedulerPermissions.Logs.View),
    ]) { Details = [new("/scheduler/runs/", JobsHref)] };
}
