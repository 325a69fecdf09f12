namespace Ops.Domain.Auth;

/// <summary>Scheduler: jobs, flows, alerts (seed section 2.3).</summary>
public static class SchedulerPermissions
{
    public const string Module = "scheduler";
    public const string Root = "scheduler";

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

/// <summary>Reports and data sources (seed section 2.4). Only data sources are built: report codes are not seeded yet.</summary>
public static class ReportPermissions
{
    public const string Module = "report";
    public const string Root = "report";

    public static class Reports
    {
        public const string View = "report.reports.view";
        public const string Edit = "report.reports.edit";
        public const string Delete = "report.reports.delete";
        public const string Publish = "report.reports.publish";
        public const string Export = "report.reports.export";
        public const string Subscribe = "report.reports.subscribe";
    }

    public static class DataSources
    {
        public const string View = "report.datasources.view";
        public const string Edit = "report.datasources.edit";
        public const string Delete = "report.datasources.delete";
        public const string Test = "report.datasources.test";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(DataSources.View, Root, "/report/datasources")
        .Buttons(DataSources.View, DataSources.Edit, DataSources.Delete, DataSources.Test)
        .Build();
}

/// <summary>Configuration center (seed section 2.7).</summary>
public static class ConfigPermissions
{
    public const string Module = "config";
    public const string Root = "config";

    public static class Tables
    {
        public const string View = "config.tables.view";
        public const string Design = "config.tables.design";
        public const string EditRecords = "config.tables.edit_records";
        public const string Rollback = "config.tables.rollback";
        public const string Approve = "config.tables.approve";
    }

    public static class Settings
    {
        public const string View = "config.settings.view";
        public const string Update = "config.settings.update";
    }

    /// <summary>Nothing yet: the codes join the catalogue with the pages and services that demand them.</summary>
    public static IReadOnlyList<PermissionDefinition> All { get; } = [];
}

/// <summary>Approvals (seed section 2.5).</summary>
public static class ApprovalPermissions
{
    public const string Module = "workflow";
    public const string Root = "workflow";

    public static class Definitions
    {
        public const string View = "workflow.definitions.view";
        public const string Edit = "workflow.definitions.edit";
        public const string Publish = "workflow.definitions.publish";
        public const string Delete = "workflow.definitions.delete";
    }

    public static class Instances
    {
        public const string Todo = "workflow.instances.todo";
        public const string ViewAll = "workflow.instances.view_all";
        public const string Terminate = "workflow.instances.terminate";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Definitions.View, Root, "/workflow/definitions")
        .Buttons(Definitions.View, Definitions.Edit, Definitions.Publish, Definitions.Delete)
        .Menu(Instances.Todo, Root, "/workflow/todo")
        .Buttons(Instances.Todo, Instances.ViewAll, Instances.Terminate)
        .Build();
}

/// <summary>Audit and monitoring (seed section 2.6). Only login logs are built: operation-log and alert codes are not seeded yet.</summary>
public static class AuditPermissions
{
    public const string Module = "audit";
    public const string Root = "audit";

    public static class Logs
    {
        public const string View = "audit.logs.view";
        public const string Export = "audit.logs.export";
        public const string DataChanges = "audit.logs.data_changes";
    }

    public static class LoginLogs
    {
        public const string View = "audit.login_logs.view";
        public const string Export = "audit.login_logs.export";
    }

    public static class Alerts
    {
        public const string View = "audit.alerts.view";
        public const string ManageRules = "audit.alerts.manage_rules";
        public const string Acknowledge = "audit.alerts.acknowledge";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(LoginLogs.View, Root, "/audit/login-logs")
        .Buttons(LoginLogs.View, LoginLogs.Export)
        .Build();
}

/// <summary>Notifications: templates, channels, message log, blacklist (seed section 2.8).</summary>
public static class NotificationPermissions
{
    public const string Module = "message";
    public const string Root = "message";

    public static class Templates
    {
        public const string View = "message.templates.view";
        public const string Edit = "message.templates.edit";
        public const string Delete = "message.templates.delete";
    }

    public static class Channels
    {
        public const string View = "message.channels.view";
        public const string Edit = "message.channels.edit";
        public const string Test = "message.channels.test";
    }

    public static class Logs
    {
        public const string View = "message.logs.view";
        public const string Resend = "message.logs.resend";
        public const string Export = "message.logs.export";
    }

    public static class Blacklist
    {
        public const string Manage = "message.blacklist.manage";
    }

    public static class Notifications
    {
        public const string Send = "message.notifications.send";
    }

    public static IReadOnlyList<PermissionDefinition> All { get; } = new PermissionTreeBuilder(Module)
        .Menu(Root)
        .Menu(Templates.View, Root, "/message/templates")
        .Buttons(Templates.View, Templates.Edit, Templates.Delete)
        .Menu(Channels.View, Root, "/message/channels")
        .Buttons(Channels.View, Channels.Edit, Channels.Test)
        .Menu(Logs.View, Root, "/message/logs")
        .Buttons(Logs.View, Logs.Resend, Logs.Export, Blacklist.Manage, Notifications.Send)
        .Build();
}
