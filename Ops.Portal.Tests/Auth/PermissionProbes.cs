using Ops.Domain.Approvals;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Notifications;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Auth.Sso;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Auth;

/// <summary>One real service call for a permission and a method that demands it.</summary>
/// <param name="Also">Codes the holder needs besides <paramref name="Code"/> to get that far (the script right sits on top of create).</param>
internal sealed record Probe(string Code, Type Service, string Method, Func<IServiceProvider, Task> Call, string[] Also);

/// <summary>
/// Every permission code × every service method that demands it. Ids that do not exist and inputs that fail validation
/// keep the calls harmless: a probe may fail for other reasons (not found, invalid input); only a
/// <see cref="ForbiddenException"/> counts as refusal. Only methods that demand that one code (not one of several) are
/// probed here; the reflection test in <see cref="ServiceSurfaceTests"/> checks that every state-changing method is.
/// </summary>
internal static class PermissionProbes
{
    private static readonly UserInput Nobody = new("probe.nobody", null, null, null, null, [], null, [], true, false, false, false);
    private static readonly RoleInput NoRole = new("probe.role", "probe", null, null, 0, true, null, [], false);
    private static readonly JobInput NoJob = new("", null, JobType.Http, "", "UTC", "{}");
    private static readonly FlowInput NoFlow = new("", null, null, "UTC", true, null, 1, [], []);
    private static readonly TaskRef NoTask = new(0, 1);
    private static readonly ApprovalApplication NoApplication = new("", new Dictionary<string, System.Text.Json.JsonElement>());

    public static readonly IReadOnlyList<Probe> All =
    [
        // system
        P<IUserService>(SystemPermissions.Users.View, nameof(IUserService.QueryAsync), s => s.QueryAsync(new UserFilter(), new PageRequest())),
        P<IUserService>(SystemPermissions.Users.Create, nameof(IUserService.CreateAsync), s => s.CreateAsync(Nobody with { UserName = "" }, null)),
        P<IUserService>(SystemPermissions.Users.Update, nameof(IUserService.UpdateAsync), s => s.UpdateAsync(0, Nobody, "")),
        P<IUserService>(SystemPermissions.Users.Update, nameof(IUserService.SetAvatarAsync), s => s.SetAvatarAsync(0, [])),
        P<IUserAdministration>(SystemPermissions.Users.Update, nameof(IUserAdministration.AssignRoleAsync), s => s.AssignRoleAsync([0], 0)),
        P<IUserAdministration>(SystemPermissions.Users.Delete, nameof(IUserAdministration.DeleteAsync), s => s.DeleteAsync([0])),
        P<IUserAdministration>(SystemPermissions.Users.Enable, nameof(IUserAdministration.SetActiveAsync), s => s.SetActiveAsync([0], true)),
        P<IUserAdministration>(SystemPermissions.Users.ResetPassword, nameof(IUserAdministration.ResetPasswordAsync), s => s.ResetPasswordAsync(0)),
        P<IUserAdministration>(SystemPermissions.Users.Unlock, nameof(IUserAdministration.UnlockAsync), s => s.UnlockAsync(0)),
        P<IUserExchange>(SystemPermissions.Users.Import, nameof(IUserExchange.TemplateAsync), s => s.TemplateAsync(SheetFormat.Keys)),
        P<IUserExchange>(SystemPermissions.Users.Import, nameof(IUserExchange.ImportAsync), s => s.ImportAsync(new MemoryStream(), SheetFormat.Keys)),
        P<IUserExchange>(SystemPermissions.Users.Export, nameof(IUserExchange.ExportAsync), s => s.ExportAsync(new UserFilter(), null, SheetFormat.Keys)),
        P<IUserAdministration>(SystemPermissions.Users.ApproveRegistration, nameof(IUserAdministration.ApproveAsync), s => s.ApproveAsync([0])),
        P<IDepartmentService>(SystemPermissions.Departments.View, nameof(IDepartmentService.GetTreeAsync), s => s.GetTreeAsync()),
        P<IDepartmentService>(SystemPermissions.Departments.Create, nameof(IDepartmentService.CreateAsync), s => s.CreateAsync(new("", "", null, null, 0))),
        P<IDepartmentService>(SystemPermissions.Departments.Update, nameof(IDepartmentService.UpdateAsync), s => s.UpdateAsync(0, new("x", "x", null, null, 0), 0)),
        P<IDepartmentService>(SystemPermissions.Departments.Delete, nameof(IDepartmentService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IRoleService>(SystemPermissions.Roles.View, nameof(IRoleService.ListAsync), s => s.ListAsync()),
        P<IRoleService>(SystemPermissions.Roles.Create, nameof(IRoleService.CreateAsync), s => s.CreateAsync(NoRole with { Code = "" })),
        P<IRoleService>(SystemPermissions.Roles.Update, nameof(IRoleService.UpdateAsync), s => s.UpdateAsync(0, NoRole, "")),
        P<IRoleService>(SystemPermissions.Roles.Delete, nameof(IRoleService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IRoleService>(SystemPermissions.Roles.Grant, nameof(IRoleService.SetGrantsAsync), s => s.SetGrantsAsync(0, [])),
        P<IPermissionService>(SystemPermissions.Permissions.View, nameof(IPermissionService.GetTreeAsync), s => s.GetTreeAsync()),
        P<SsoService>(SystemPermissions.Sso.Manage, nameof(SsoService.ListAsync), s => s.ListAsync()),
        P<SsoService>(SystemPermissions.Sso.Manage, nameof(SsoService.SaveAsync), s => s.SaveAsync(SsoKind.Oidc, new(false, "", "", null, null, null, null, false, false))),
        P<RegistrationService>(SystemPermissions.Sso.Registration, nameof(RegistrationService.SetSettingsAsync), s => s.SetSettingsAsync(RegistrationSettings.Off)),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.ListAsync), s => s.ListAsync()),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.CreateAsync), s => s.CreateAsync(new ServiceAccountInput("", null, [])),
            SystemPermissions.Users.Create),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.UpdateAsync), s => s.UpdateAsync(0, new ServiceAccountInput("", null, []))),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.SetActiveAsync), s => s.SetActiveAsync(0, false)),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.TokensAsync), s => s.TokensAsync(0)),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.GrantableScopesAsync), s => s.GrantableScopesAsync(0)),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.CreateTokenAsync),
            s => s.CreateTokenAsync(0, new AccessTokenInput("", [], null))),
        P<IServiceAccountService>(SystemPermissions.ServiceAccounts.Manage, nameof(IServiceAccountService.RevokeTokenAsync), s => s.RevokeTokenAsync(0, 0)),

        // scheduler
        P<IJobService>(SchedulerPermissions.Jobs.View, nameof(IJobService.ListAsync), s => s.ListAsync(new JobFilter(), new PageRequest())),
        P<IJobService>(SchedulerPermissions.Jobs.Create, nameof(IJobService.CreateAsync), s => s.CreateAsync(NoJob)),
        P<IJobService>(SchedulerPermissions.Jobs.Update, nameof(IJobService.UpdateAsync), s => s.UpdateAsync(0, NoJob, 0)),
        P<IJobService>(SchedulerPermissions.Jobs.Update, nameof(IJobService.SetEnabledAsync), s => s.SetEnabledAsync([0], true)),
        P<IJobService>(SchedulerPermissions.Jobs.Delete, nameof(IJobService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IJobService>(SchedulerPermissions.Jobs.Pause, nameof(IJobService.PauseAsync), s => s.PauseAsync(0, null)),
        P<IJobService>(SchedulerPermissions.Jobs.Pause, nameof(IJobService.ResumeAsync), s => s.ResumeAsync(0)),
        P<IJobRunService>(SchedulerPermissions.Jobs.Run, nameof(IJobRunService.RunNowAsync), s => s.RunNowAsync(0)),
        P<IJobRunService>(SchedulerPermissions.Jobs.Run, nameof(IJobRunService.RunManyAsync), s => s.RunManyAsync([0])),
        P<IJobRunService>(SchedulerPermissions.Jobs.Stop, nameof(IJobRunService.StopAsync), s => s.StopAsync(0)),
        P<IJobService>(SchedulerPermissions.Jobs.Script, nameof(IJobService.CreateAsync), s => s.CreateAsync(NoJob with { Type = JobType.Shell }), SchedulerPermissions.Jobs.Create),
        P<IJobFlowService>(SchedulerPermissions.Flows.View, nameof(IJobFlowService.ListAsync), s => s.ListAsync(new PageRequest())),
        P<IFlowRunService>(SchedulerPermissions.Flows.View, nameof(IFlowRunService.InstancesAsync), s => s.InstancesAsync(new(), new PageRequest())),
        P<IJobFlowService>(SchedulerPermissions.Flows.Edit, nameof(IJobFlowService.CreateAsync), s => s.CreateAsync(NoFlow)),
        P<IJobFlowService>(SchedulerPermissions.Flows.Edit, nameof(IJobFlowService.UpdateAsync), s => s.UpdateAsync(0, NoFlow, 0)),
        P<IJobFlowService>(SchedulerPermissions.Flows.Delete, nameof(IJobFlowService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IFlowRunService>(SchedulerPermissions.Flows.Run, nameof(IFlowRunService.RunNowAsync), s => s.RunNowAsync(0)),
        P<IFlowRunService>(SchedulerPermissions.Flows.Run, nameof(IFlowRunService.CancelAsync), s => s.CancelAsync(0)),
        P<IFlowRunService>(SchedulerPermissions.Flows.Run, nameof(IFlowRunService.RerunFromFailedAsync), s => s.RerunFromFailedAsync(0)),
        P<IFlowRunService>(SchedulerPermissions.Flows.Run, nameof(IFlowRunService.ForceSuccessAsync), s => s.ForceSuccessAsync(0, "x")),
        P<IFlowRunService>(SchedulerPermissions.Flows.Run, nameof(IFlowRunService.SkipAsync), s => s.SkipAsync(0, "x")),
        P<IJobAlertService>(SchedulerPermissions.Alerts.View, nameof(IJobAlertService.ListAsync), s => s.ListAsync(new(), new PageRequest())),
        P<IJobAlertService>(SchedulerPermissions.Alerts.Acknowledge, nameof(IJobAlertService.AcknowledgeAsync), s => s.AcknowledgeAsync(0, null)),
        P<IJobAlertService>(SchedulerPermissions.Alerts.Acknowledge, nameof(IJobAlertService.ResolveAsync), s => s.ResolveAsync(0, null)),
        P<ISchedulerLogService>(SchedulerPermissions.Logs.View, nameof(ISchedulerLogService.QueryAsync), s => s.QueryAsync(new(), new PageRequest())),
        P<ISchedulerLogService>(SchedulerPermissions.Logs.View, nameof(ISchedulerLogService.ListJobsAsync), s => s.ListJobsAsync(null)),
        P<ISchedulerLogService>(SchedulerPermissions.Logs.Export, nameof(ISchedulerLogService.ExportAsync), s => s.ExportAsync(new(), SheetFormat.Keys)),
        P<ISchedulerLogService>(SchedulerPermissions.Logs.Clear, nameof(ISchedulerLogService.ClearAsync), s => s.ClearAsync(DateTimeOffset.MinValue, -1)),

        // report: data sources
        P<IDataSourceService>(ReportPermissions.DataSources.View, nameof(IDataSourceService.ListAsync), s => s.ListAsync(new(), new PageRequest())),
        P<IDataSourceService>(ReportPermissions.DataSources.Edit, nameof(IDataSourceService.CreateAsync), s => s.CreateAsync(new("", DataSourceType.Sqlite, null, null, "", null, null, null, true))),
        P<IDataSourceService>(ReportPermissions.DataSources.Edit, nameof(IDataSourceService.UpdateAsync), s => s.UpdateAsync(0, new("", DataSourceType.Sqlite, null, null, "", null, null, null, true), 0)),
        P<IDataSourceService>(ReportPermissions.DataSources.Delete, nameof(IDataSourceService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IDataSourceService>(ReportPermissions.DataSources.Test, nameof(IDataSourceService.TestAsync), s => s.TestAsync(0)),
        P<Ops.Domain.Reports.Queries.IReportQueryService>(ReportPermissions.Reports.Query, nameof(Ops.Domain.Reports.Queries.IReportQueryService.RunAsync), s => s.RunAsync(new(0, "SELECT 1", [], new Dictionary<string, string?>()))),
        P<IReportService>(ReportPermissions.Reports.View, nameof(IReportService.ListAsync), s => s.ListAsync(new(), new PageRequest())),
        P<IReportService>(ReportPermissions.Reports.View, nameof(IReportService.CategoriesAsync), s => s.CategoriesAsync()),
        P<IReportService>(ReportPermissions.Reports.Edit, nameof(IReportService.GetAsync), s => s.GetAsync(0)),
        P<IReportService>(ReportPermissions.Reports.Edit, nameof(IReportService.CreateAsync), s => s.CreateAsync(new("", null, null, 0, false, false, ReportDefinition.Empty, []))),
        P<IReportService>(ReportPermissions.Reports.Edit, nameof(IReportService.UpdateAsync), s => s.UpdateAsync(0, new("", null, null, 0, false, false, ReportDefinition.Empty, []), 0)),
        P<IReportService>(ReportPermissions.Reports.Publish, nameof(IReportService.PublishAsync), s => s.PublishAsync(0, 0)),
        P<IReportService>(ReportPermissions.Reports.Publish, nameof(IReportService.ArchiveAsync), s => s.ArchiveAsync(0)),
        P<IReportService>(ReportPermissions.Reports.Publish, nameof(IReportService.RestoreAsync), s => s.RestoreAsync(0, 1)),
        P<IReportService>(ReportPermissions.Reports.Edit, nameof(IReportService.CopyAsync), s => s.CopyAsync(0)),
        P<IReportService>(ReportPermissions.Reports.Delete, nameof(IReportService.DeleteAsync), s => s.DeleteAsync([0])),
        P<IReportViewer>(ReportPermissions.Reports.View, nameof(IReportViewer.OpenAsync), s => s.OpenAsync(0)),
        P<IReportViewer>(ReportPermissions.Reports.View, nameof(IReportViewer.DataAsync), s => s.DataAsync(0, new Dictionary<string, string?>())),
        P<IReportViewer>(ReportPermissions.Reports.View, nameof(IReportViewer.ToggleFavoriteAsync), s => s.ToggleFavoriteAsync(0)),
        P<IReportViewer>(ReportPermissions.Reports.View, nameof(IReportViewer.PageAsync), s => s.PageAsync(0, new Dictionary<string, string?>(), new(0, 20))),
        P<IReportViewer>(ReportPermissions.Reports.View, nameof(IReportViewer.CountAsync), s => s.CountAsync(0, new Dictionary<string, string?>())),
        P<IReportExporter>(ReportPermissions.Reports.Export, nameof(IReportExporter.PrepareAsync), s => s.PrepareAsync(0, new Dictionary<string, string?>(), ReportExportFormat.Csv, SheetFormat.Keys)),
        P<IReportViewer>(ReportPermissions.Reports.View, nameof(IReportViewer.TotalsAsync), s => s.TotalsAsync(0, new Dictionary<string, string?>(), ["amount"])),

        // workflow
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.View, nameof(IApprovalDefinitionService.ListAsync), s => s.ListAsync(new(), new PageRequest())),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Edit, nameof(IApprovalDefinitionService.CreateAsync), s => s.CreateAsync(new("", ""))),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Edit, nameof(IApprovalDefinitionService.DescribeAsync), s => s.DescribeAsync(0, new("x", "x"), 0)),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Edit, nameof(IApprovalDefinitionService.SaveDesignAsync), s => s.SaveDesignAsync(0, new([], []), ApprovalForm.Empty, 0)),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Edit, nameof(IApprovalDefinitionService.SetCallbackAsync), s => s.SetCallbackAsync(0, new(false, null, null))),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Edit, nameof(IApprovalDefinitionService.RetryCallbackAsync), s => s.RetryCallbackAsync(0)),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Publish, nameof(IApprovalDefinitionService.PublishAsync), s => s.PublishAsync(0)),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Publish, nameof(IApprovalDefinitionService.ArchiveAsync), s => s.ArchiveAsync(0)),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Publish, nameof(IApprovalDefinitionService.RestoreAsync), s => s.RestoreAsync(0)),
        P<IApprovalDefinitionService>(ApprovalPermissions.Definitions.Delete, nameof(IApprovalDefinitionService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.StartAsync), s => s.StartAsync(new("probe.none", NoApplication))),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.EditDraftAsync), s => s.EditDraftAsync(0, NoApplication)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.SubmitAsync), s => s.SubmitAsync(0)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.ApproveAsync), s => s.ApproveAsync(NoTask, null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.RejectAsync), s => s.RejectAsync(NoTask, null, default)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.TransferAsync), s => s.TransferAsync(NoTask, 0, null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.DelegateAsync), s => s.DelegateAsync(NoTask, 0, null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.AddApproverAsync), s => s.AddApproverAsync(NoTask, 0, default, null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.RemoveApproverAsync), s => s.RemoveApproverAsync(NoTask, null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.WithdrawAsync), s => s.WithdrawAsync(0, null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.UrgeAsync), s => s.UrgeAsync(0)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.CommentAsync), s => s.CommentAsync(0, "x", null)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.MarkCcReadAsync), s => s.MarkCcReadAsync(0)),
        P<IApprovalService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalService.ApproveManyAsync), s => s.ApproveManyAsync([NoTask], null)),
        P<IApprovalDelegationService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalDelegationService.CreateAsync), s => s.CreateAsync(new(0, default, default, null))),
        P<IApprovalDelegationService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalDelegationService.CancelAsync), s => s.CancelAsync(0)),
        P<IApprovalFileService>(ApprovalPermissions.Instances.Todo, nameof(IApprovalFileService.UploadAsync), s => s.UploadAsync("", null, new MemoryStream())),
        P<IApprovalInbox>(ApprovalPermissions.Instances.ViewAll, nameof(IApprovalInbox.AllAsync), s => s.AllAsync(new(), new PageRequest())),
        P<IApprovalService>(ApprovalPermissions.Instances.Terminate, nameof(IApprovalService.TerminateAsync), s => s.TerminateAsync(0, null)),

        // message
        P<INotificationService>(NotificationPermissions.Notifications.Send, nameof(INotificationService.SendAsync), s => s.SendAsync(new(NotificationType.System, NotificationLevel.Info, "", ""), [0])),
        P<IMessageService>(NotificationPermissions.Notifications.Send, nameof(IMessageService.SendAsync), s => s.SendAsync(new("probe.none", [], [], new Dictionary<string, string?>()))),
        P<IMessageService>(NotificationPermissions.Notifications.Send, nameof(IMessageService.SendManyAsync), s => s.SendManyAsync([new("probe.none", [], [], new Dictionary<string, string?>())])),
        P<ITemplateService>(NotificationPermissions.Templates.View, nameof(ITemplateService.ListAsync), s => s.ListAsync(null, new PageRequest())),
        P<ITemplateService>(NotificationPermissions.Templates.Edit, nameof(ITemplateService.CreateAsync), s => s.CreateAsync(new("", "", default, null, "", null, null, [], true))),
        P<ITemplateService>(NotificationPermissions.Templates.Edit, nameof(ITemplateService.UpdateAsync), s => s.UpdateAsync(0, new("x", "x", default, null, "x", null, null, [], true), 0)),
        P<ITemplateService>(NotificationPermissions.Templates.Delete, nameof(ITemplateService.DeleteAsync), s => s.DeleteAsync(0)),
        P<IMessageLogService>(NotificationPermissions.Logs.View, nameof(IMessageLogService.QueryAsync), s => s.QueryAsync(new(), new PageRequest())),
        P<IMessageLogService>(NotificationPermissions.Logs.Resend, nameof(IMessageLogService.ResendAsync), s => s.ResendAsync(0)),
        P<IMessageLogService>(NotificationPermissions.Logs.Resend, nameof(IMessageLogService.ResendAsync), s => s.ResendAsync([0])),
        P<IMessageLogService>(NotificationPermissions.Logs.Export, nameof(IMessageLogService.ExportAsync), s => s.ExportAsync(new(), SheetFormat.Keys)),
        P<IChannelConfigService>(NotificationPermissions.Channels.View, nameof(IChannelConfigService.ListAsync), s => s.ListAsync()),
        P<IChannelConfigService>(NotificationPermissions.Channels.Edit, nameof(IChannelConfigService.SaveAsync), s => s.SaveAsync(MessageChannel.Webhook, new())),
        P<IChannelConfigService>(NotificationPermissions.Channels.Test, nameof(IChannelConfigService.TestAsync), s => s.TestAsync(MessageChannel.Webhook, "x")),
        P<IBlacklistService>(NotificationPermissions.Blacklist.Manage, nameof(IBlacklistService.ListAsync), s => s.ListAsync()),
        P<IBlacklistService>(NotificationPermissions.Blacklist.Manage, nameof(IBlacklistService.AddAsync), s => s.AddAsync(new(MessageChannel.Email, "", null, "", null))),
        P<IBlacklistService>(NotificationPermissions.Blacklist.Manage, nameof(IBlacklistService.RemoveAsync), s => s.RemoveAsync(0)),

        // audit
        P<ILoginLogService>(AuditPermissions.LoginLogs.View, nameof(ILoginLogService.QueryAsync), s => s.QueryAsync(new(), new PageRequest())),
        P<ILoginLogService>(AuditPermissions.LoginLogs.Export, nameof(ILoginLogService.ExportAsync), s => s.ExportAsync(new(), SheetFormat.Keys)),
    ];

    public static readonly ILookup<string, Probe> ByCode = All.ToLookup(p => p.Code, StringComparer.Ordinal);

    /// <summary>
    /// Reads that more than one permission opens on purpose: the department tree and the role list
    /// feed the user editor's pickers; the permission tree feeds the role grant editor.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> SharedReads = new Dictionary<string, string[]>
    {
        [SystemPermissions.Departments.View] = [SystemPermissions.Users.View, SystemPermissions.Roles.View, SchedulerPermissions.Jobs.Create, SchedulerPermissions.Jobs.Update,
            ReportPermissions.DataSources.Edit],
        [SystemPermissions.Roles.View] = [SystemPermissions.Users.View, ReportPermissions.DataSources.Edit],
        [SystemPermissions.Permissions.View] = [SystemPermissions.Roles.Grant],
    };

    private static Probe P<TService>(string code, string method, Func<TService, Task> call, params string[] also)
        where TService : notnull =>
        new(code, typeof(TService), method, sp => call(sp.GetRequiredService<TService>()), also);
}
