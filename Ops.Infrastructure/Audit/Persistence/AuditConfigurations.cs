using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Audit;

namespace Ops.Infrastructure.Audit.Persistence;

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> builder)
    {
        builder.ToTable("t_audit_log");
        builder.Property(a => a.UserName).HasMaxLength(AuditLog.ShortText);
        builder.Property(a => a.Module).HasMaxLength(AuditLog.ShortText);
        builder.Property(a => a.Action).HasMaxLength(AuditLog.ShortText);
        builder.Property(a => a.ResourceType).HasMaxLength(AuditLog.ShortText);
        builder.Property(a => a.ResourceId).HasMaxLength(AuditLog.ShortText);
        builder.Property(a => a.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Detail).HasMaxLength(AuditLog.LongText);
        builder.Property(a => a.IpAddress).HasMaxLength(AuditLog.ShortText);
        builder.Property(a => a.UserAgent).HasMaxLength(AuditLog.MediumText);
        builder.Property(a => a.RequestPath).HasMaxLength(AuditLog.MediumText);
        builder.Property(a => a.RequestMethod).HasMaxLength(16);
        builder.Property(a => a.TraceId).HasMaxLength(AuditLog.ShortText);
        builder.HasIndex(a => a.Time);
        builder.HasIndex(a => new { a.UserId, a.Time });
        builder.HasIndex(a => new { a.Module, a.Action });
    }
}

internal sealed class DataChangeLogConfiguration : IEntityTypeConfiguration<DataChangeLog>
{
    public void Configure(EntityTypeBuilder<DataChangeLog> builder)
    {
        builder.ToTable("t_data_change_log");
        builder.Property(c => c.TableName).HasMaxLength(DataChangeLog.TableNameMaxLength);
        builder.Property(c => c.RecordId).HasMaxLength(64);
        builder.Property(c => c.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChangedFields).HasMaxLength(2000);
        builder.Property(c => c.OperatorName).HasMaxLength(64);
        builder.Property(c => c.TraceId).HasMaxLength(64);
        builder.HasIndex(c => new { c.TableName, c.RecordId });
        builder.HasIndex(c => c.Time);
    }
}

internal sealed class LoginLogConfiguration : IEntityTypeConfiguration<LoginLog>
{
    public void Configure(EntityTypeBuilder<LoginLog> builder)
    {
        builder.ToTable("t_login_log");
        builder.Property(l => l.UserName).HasMaxLength(LoginLog.UserNameMaxLength);
        builder.Property(l => l.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Result).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.FailureReason).HasMaxLength(LoginLog.ReasonMaxLength);
        builder.Property(l => l.IpAddress).HasMaxLength(64);
        builder.Property(l => l.UserAgent).HasMaxLength(512);
        builder.Property(l => l.Browser).HasMaxLength(64);
        builder.Property(l => l.OperatingSystem).HasMaxLength(64);
        builder.Property(l => l.Device).HasMaxLength(32);
        builder.HasIndex(l => l.Time);
        builder.HasIndex(l => new { l.UserId, l.Time });
    }
}
