using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Audit;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common.Modules;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;
using Ops.Infrastructure.Reports;
using Ops.Infrastructure.Scheduler;

namespace Ops.Infrastructure;

/// <summary>
/// The modules of the portal, in registration order: a new module adds its line here (services and EF model both
/// come from it). Hosted services start in this order: the message outbox, then the scheduler, then approvals.
/// </summary>
public static class OpsModules
{
    public static IReadOnlyList<OpsModule> All { get; } =
    [
        AuthModule.Definition,
        ConfigModule.Definition,
        AuditModule.Definition,
        NotificationsModule.Definition,
        ReportsModule.Definition,
        SchedulerModule.Definition,
        ApprovalsModule.Definition,
    ];
}
