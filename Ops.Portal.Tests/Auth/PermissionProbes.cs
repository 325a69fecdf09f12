using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// One real service call per permission code of the modules built so far. A probe may fail for
/// other reasons (not found, invalid input); only a <see cref="ForbiddenException"/> counts as refusal.
/// </summary>
internal static class PermissionProbes
{
    private static readonly UserInput Nobody = new("probe.nobody", null, null, null, null, [], null, [], true, false, false, false);
    private static readonly RoleInput NoRole = new("probe.role", "probe", null, null, 0, true, null, [], false);

    public static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> ByCode = new Dictionary<string, Func<IServiceProvider, Task>>
    {
        [SystemPermissions.Users.View] = sp => sp.GetRequiredService<IUserService>().QueryAsync(new UserFilter(), new PageRequest()),
        [SystemPermissions.Users.Create] = sp => sp.GetRequiredService<IUserService>().CreateAsync(Nobody with { UserName = "" }, null),
        [SystemPermissions.Users.Update] = sp => sp.GetRequiredService<IUserService>().UpdateAsync(0, Nobody, ""),
        [SystemPermissions.Users.Delete] = sp => sp.GetRequiredService<IUserAdministration>().DeleteAsync([0]),
        [SystemPermissions.Users.Enable] = sp => sp.GetRequiredService<IUserAdministration>().SetActiveAsync([0], true),
        [SystemPermissions.Users.ResetPassword] = sp => sp.GetRequiredService<IUserAdministration>().ResetPasswordAsync(0),
        [SystemPermissions.Users.Unlock] = sp => sp.GetRequiredService<IUserAdministration>().UnlockAsync(0),
        [SystemPermissions.Users.Import] = sp => sp.GetRequiredService<IUserExchange>().TemplateAsync(),
        [SystemPermissions.Users.Export] = sp => sp.GetRequiredService<IUserExchange>().ExportAsync(new UserFilter(), null),
        [SystemPermissions.Users.ApproveRegistration] = sp => sp.GetRequiredService<IUserAdministration>().ApproveAsync([0]),
        [SystemPermissions.Departments.View] = sp => sp.GetRequiredService<IDepartmentService>().GetTreeAsync(),
        [SystemPermissions.Departments.Create] = sp => sp.GetRequiredService<IDepartmentService>().CreateAsync(new("", "", null, null, 0)),
        [SystemPermissions.Departments.Update] = sp => sp.GetRequiredService<IDepartmentService>().UpdateAsync(0, new("x", "x", null, null, 0), 0),
        [SystemPermissions.Departments.Delete] = sp => sp.GetRequiredService<IDepartmentService>().DeleteAsync(0),
        [SystemPermissions.Roles.View] = sp => sp.GetRequiredService<IRoleService>().ListAsync(),
        [SystemPermissions.Roles.Create] = sp => sp.GetRequiredService<IRoleService>().CreateAsync(NoRole with { Code = "" }),
        [SystemPermissions.Roles.Update] = sp => sp.GetRequiredService<IRoleService>().UpdateAsync(0, NoRole, ""),
        [SystemPermissions.Roles.Delete] = sp => sp.GetRequiredService<IRoleService>().DeleteAsync(0),
        [SystemPermissions.Roles.Grant] = sp => sp.GetRequiredService<IRoleService>().SetGrantsAsync(0, []),
        [SystemPermissions.Permissions.View] = sp => sp.GetRequiredService<IPermissionService>().GetTreeAsync(),
        [SystemPermissions.Sso.Manage] = sp => sp.GetRequiredService<Ops.Infrastructure.Auth.Sso.SsoService>().ListAsync(),
        [NotificationPermissions.Notifications.Send] = sp => sp.GetRequiredService<Ops.Domain.Notifications.INotificationService>()
            .SendAsync(new(Ops.Domain.Notifications.NotificationType.System, Ops.Domain.Notifications.NotificationLevel.Info, "", ""), [0]),
        [NotificationPermissions.Templates.View] = sp => sp.GetRequiredService<Ops.Domain.Notifications.ITemplateService>().ListAsync(null, new PageRequest()),
        [NotificationPermissions.Templates.Edit] = sp => sp.GetRequiredService<Ops.Domain.Notifications.ITemplateService>().UpdateAsync(0, new("x", "x", default, null, "x", null, null, [], true), 0),
        [NotificationPermissions.Templates.Delete] = sp => sp.GetRequiredService<Ops.Domain.Notifications.ITemplateService>().DeleteAsync(0),
        [NotificationPermissions.Logs.View] = sp => sp.GetRequiredService<Ops.Domain.Notifications.IMessageLogService>().QueryAsync(new(), new PageRequest()),
        [NotificationPermissions.Logs.Resend] = sp => sp.GetRequiredService<Ops.Domain.Notifications.IMessageLogService>().ResendAsync(0),
        [NotificationPermissions.Logs.Export] = sp => sp.GetRequiredService<Ops.Domain.Notifications.IMessageLogService>().ExportAsync(new()),
        [NotificationPermissions.Channels.View] = sp => sp.GetRequiredService<Ops.Infrastructure.Notifications.IChannelConfigService>().ListAsync(),
        [NotificationPermissions.Channels.Edit] = sp => sp.GetRequiredService<Ops.Infrastructure.Notifications.IChannelConfigService>().SaveAsync(Ops.Domain.Notifications.MessageChannel.Webhook, new()),
        [NotificationPermissions.Channels.Test] = sp => sp.GetRequiredService<Ops.Infrastructure.Notifications.IChannelConfigService>().TestAsync(Ops.Domain.Notifications.MessageChannel.Webhook, "x"),
        [NotificationPermissions.Blacklist.Manage] = sp => sp.GetRequiredService<Ops.Domain.Notifications.IBlacklistService>().ListAsync(),
        [AuditPermissions.LoginLogs.View] = sp => sp.GetRequiredService<Ops.Domain.Audit.ILoginLogService>().QueryAsync(new(), new PageRequest()),
        [AuditPermissions.LoginLogs.Export] = sp => sp.GetRequiredService<Ops.Domain.Audit.ILoginLogService>().ExportAsync(new()),
    };

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
}
