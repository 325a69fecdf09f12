using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Config;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common.Modules;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// The application database. Reached only through <c>IDbContextFactory&lt;OpsDbContext&gt;</c>,
/// one context per operation. Each provider has a derived type that owns its migration set.
/// </summary>
public abstract class OpsDbContext(DbContextOptions options)
    : IdentityDbContext<OpsUser, OpsRole, long>(options), IDataProtectionKeyContext
{
    /// <summary>Who the audit columns and change log name; set by the context factory.</summary>
    public Actor Actor { get; set; } = Actor.System;

    public DbSet<Department> Departments => Set<Department>();

    public DbSet<Permission> Permissions => Set<Permission>();

    public DbSet<RolePermission> RolePermissions => Set<RolePermission>();

    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();

    public DbSet<DataChangeLog> DataChangeLogs => Set<DataChangeLog>();

    public DbSet<LoginLog> LoginLogs => Set<LoginLog>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<UserAvatar> UserAvatars => Set<UserAvatar>();

    public DbSet<Ops.Infrastructure.Auth.Api.ApiRefreshToken> ApiRefreshTokens => Set<Ops.Infrastructure.Auth.Api.ApiRefreshToken>();

    public DbSet<Ops.Infrastructure.Auth.Api.ApiToken> ApiTokens => Set<Ops.Infrastructure.Auth.Api.ApiToken>();

    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();

    public DbSet<SsoProvider> SsoProviders => Set<SsoProvider>();

    public DbSet<Ops.Domain.Notifications.Notification> Notifications => Set<Ops.Domain.Notifications.Notification>();

    public DbSet<Ops.Domain.Notifications.MessageTemplate> MessageTemplates => Set<Ops.Domain.Notifications.MessageTemplate>();

    public DbSet<Ops.Domain.Notifications.MessageLog> MessageLogs => Set<Ops.Domain.Notifications.MessageLog>();

    public DbSet<Ops.Domain.Notifications.MessageAttempt> MessageAttempts => Set<Ops.Domain.Notifications.MessageAttempt>();

    public DbSet<Ops.Domain.Notifications.BlacklistEntry> Blacklist => Set<Ops.Domain.Notifications.BlacklistEntry>();

    public DbSet<Ops.Domain.Notifications.UserNotificationSetting> NotificationSettings => Set<Ops.Domain.Notifications.UserNotificationSetting>();

    public DbSet<Ops.Domain.Reports.DataSource> DataSources => Set<Ops.Domain.Reports.DataSource>();

    public DbSet<Ops.Domain.Reports.Report> Reports => Set<Ops.Domain.Reports.Report>();

    public DbSet<Ops.Domain.Reports.ReportVersion> ReportVersions => Set<Ops.Domain.Reports.ReportVersion>();

    public DbSet<Ops.Domain.Reports.ReportGrant> ReportGrants => Set<Ops.Domain.Reports.ReportGrant>();

    public DbSet<Ops.Domain.Reports.ReportFavorite> ReportFavorites => Set<Ops.Domain.Reports.ReportFavorite>();

    public DbSet<Ops.Domain.Scheduler.Job> Jobs => Set<Ops.Domain.Scheduler.Job>();

    public DbSet<Ops.Domain.Scheduler.JobLog> JobLogs => Set<Ops.Domain.Scheduler.JobLog>();

    public DbSet<Ops.Domain.Scheduler.JobAlert> JobAlerts => Set<Ops.Domain.Scheduler.JobAlert>();

    public DbSet<Ops.Domain.Scheduler.Flows.JobFlow> JobFlows => Set<Ops.Domain.Scheduler.Flows.JobFlow>();

    public DbSet<Ops.Domain.Scheduler.Flows.JobFlowNode> JobFlowNodes => Set<Ops.Domain.Scheduler.Flows.JobFlowNode>();

    public DbSet<Ops.Domain.Scheduler.Flows.JobFlowEdge> JobFlowEdges => Set<Ops.Domain.Scheduler.Flows.JobFlowEdge>();

    public DbSet<Ops.Domain.Scheduler.Flows.FlowInstance> FlowInstances => Set<Ops.Domain.Scheduler.Flows.FlowInstance>();

    public DbSet<Ops.Domain.Scheduler.Flows.FlowNodeRun> FlowNodeRuns => Set<Ops.Domain.Scheduler.Flows.FlowNodeRun>();

    public DbSet<Ops.Domain.Approvals.ApprovalDefinition> ApprovalDefinitions => Set<Ops.Domain.Approvals.ApprovalDefinition>();

    public DbSet<Ops.Domain.Approvals.ApprovalDefinitionVersion> ApprovalDefinitionVersions => Set<Ops.Domain.Approvals.ApprovalDefinitionVersion>();

    public DbSet<Ops.Domain.Approvals.ApprovalInstance> ApprovalInstances => Set<Ops.Domain.Approvals.ApprovalInstance>();

    public DbSet<Ops.Domain.Approvals.ApprovalTask> ApprovalTasks => Set<Ops.Domain.Approvals.ApprovalTask>();

    public DbSet<Ops.Domain.Approvals.ApprovalRecord> ApprovalRecords => Set<Ops.Domain.Approvals.ApprovalRecord>();

    public DbSet<Ops.Domain.Approvals.ApprovalCc> ApprovalCcs => Set<Ops.Domain.Approvals.ApprovalCc>();

    public DbSet<Ops.Domain.Approvals.ApprovalDelegation> ApprovalDelegations => Set<Ops.Domain.Approvals.ApprovalDelegation>();

    public DbSet<Ops.Domain.Approvals.ApprovalCallback> ApprovalCallbacks => Set<Ops.Domain.Approvals.ApprovalCallback>();

    public DbSet<Ops.Domain.Approvals.ApprovalFile> ApprovalFiles => Set<Ops.Domain.Approvals.ApprovalFile>();

    public DbSet<Ops.Domain.Approvals.ApprovalFileReference> ApprovalFileReferences => Set<Ops.Domain.Approvals.ApprovalFileReference>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // A failed or cancelled save leaves no change-log state behind (EF does not report every
    // failure to interceptors, e.g. concurrency conflicts and cancellation).
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        catch
        {
            ChangeLogRecorder.Abort(this);
            throw;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch
        {
            await ChangeLogRecorder.AbortAsync(this);
            throw;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // Each module applies the configurations in its own folders; the shared ones (idempotency keys) live here.
        foreach (var module in OpsModules.All)
        {
            module.ApplyConfigurations(builder);
        }

        ModuleConfigurations.Apply(builder, typeof(OpsDbContext));
        builder.ApplyOpsConventions();
    }
}

public sealed class SqliteOpsDbContext(DbContextOptions<SqliteOpsDbContext> options) : OpsDbContext(options);

public sealed class MySqlOpsDbContext(DbContextOptions<MySqlOpsDbContext> options) : OpsDbContext(options);
