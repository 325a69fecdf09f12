using Ops.Domain.Common;

// The whole permission catalogue shares the Ops.Domain.Auth namespace, whatever module folder a class sits in:
// pages and services name any module's codes with the one using they already have.
namespace Ops.Domain.Auth;

/// <summary>Scheduler: jobs, flows, alerts (seed section 2.3).</summary>
public static class SchedulerPermissions
{
    public const string Module = "scheduler";
    public const string Root = "scheduler";

    /// <summary>The module in code (<c>Scheduler</c> folders), its spec route prefix and permission prefix.</summary>
    public static ModuleDescriptor Descriptor { get; } = new("Scheduler", "/scheduler", Module);

    public static class Jobs
    {
        public const string View = "scheduler.jobs.view";
        public const string Create = "scheduler.jobs.create";
        public const string Update = "scheduler.jobs.update";
        public const string Delete = "scheduler.jobs.delete";
        public const string Run = "scheduler.jobs.run";
        public const string Stop = "scheduler.jobs.stop";
        public const string Pause = "scheduler.jobs.pause";

        /// <summary>Create, edit and run shell and Python jobs: code that runs on the portal's machine.</summary>
        public const string Script = "scheduler.jobs.script";
    }

    public static class Flows
    {
        public const string View = "scheduler.flows.view";
        public const string Edit = "scheduler.flows.edit";
        public const string Delete = "scheduler.flows.delete";
        public const string Run = "scheduler.flows.run";
    }

    public static class Alerts
    {
        public const string View = "scheduler.alerts.view";
        public const string Acknowledge = "scheduler.alerts.acknowledge";
    }

    /// <summary>The scheduling log: runs of every job in the caller's data scope.</summary>
    public static class Logs
    {
        public const string View = "scheduler.logs.view";
        public const string Export = "scheduler.logs.export";
        public const string Clear = "scheduler.logs.clear";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Jobs.View, Root, "/scheduler/jobs")
        .Buttons(Jobs.View, Jobs.Create, Jobs.Update, Jobs.Delete, Jobs.Run, Jobs.Stop, Jobs.Pause, Jobs.Script)
        .Menu(Flows.View, Root, "/scheduler/flows")
        .Buttons(Flows.View, Flows.Edit, Flows.Delete, Flows.Run)
        .Menu(Alerts.View, Root, "/scheduler/alerts")
        .Buttons(Alerts.View, Alerts.Acknowledge)
        .Menu(Logs.View, Root, "/scheduler/logs")
        .Buttons(Logs.View, Logs.Export, Logs.Clear)
        .Build();
}
