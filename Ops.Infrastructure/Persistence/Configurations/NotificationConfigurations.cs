using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Notifications;

namespace Ops.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("t_notification");
        builder.Property(n => n.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(Notification.TitleMaxLength).IsRequired();
        builder.Property(n => n.Content).HasMaxLength(Notification.ContentMaxLength).IsRequired();
        builder.Property(n => n.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.HasIndex(n => new { n.UserId, n.IsRead, n.CreatedAt });
        builder.HasIndex(n => n.MessageLogId).IsUnique();
    }
}

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.ToTable("t_message_template");
        builder.Property(t => t.Code).HasMaxLength(MessageTemplate.CodeMaxLength).IsRequired();
        builder.Property(t => t.Name).HasMaxLength(MessageTemplate.NameMaxLength).IsRequired();
        builder.Property(t => t.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Subject).HasMaxLength(MessageTemplate.SubjectMaxLength);
        builder.Property(t => t.SubjectEn).HasMaxLength(MessageTemplate.SubjectMaxLength);
        // Bodies are text columns: MySQL counts every varchar against one 64 KB row.
        builder.Property(t => t.Content).IsRequired();
        builder.Property(t => t.ContentEn);
        builder.Property(t => t.Parameters).IsRequired();
        builder.HasIndex(t => t.Code).IsUnique();
    }
}

internal sealed class MessageLogConfiguration : IEntityTypeConfiguration<MessageLog>
{
    public void Configure(EntityTypeBuilder<MessageLog> builder)
    {
        builder.ToTable("t_message_log");
        builder.Property(m => m.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Recipient).HasMaxLength(MessageLog.AddressMaxLength).IsRequired();
        builder.Property(m => m.TemplateCode).HasMaxLength(MessageTemplate.CodeMaxLength);
        builder.Property(m => m.Subject).HasMaxLength(MessageTemplate.SubjectMaxLength);
        builder.Property(m => m.Content).IsRequired();
        builder.Property(m => m.BusinessType).HasMaxLength(64);
        builder.Property(m => m.BusinessId).HasMaxLength(64);
        builder.Property(m => m.IdempotencyKey).HasMaxLength(MessageLog.KeyMaxLength);
        builder.Property(m => m.Link).HasMaxLength(Notification.LinkMaxLength);
        builder.Property(m => m.Level).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LeaseOwner).HasMaxLength(64);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
        builder.HasIndex(m => new { m.BusinessType, m.BusinessId });
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => new { m.IdempotencyKey, m.Channel, m.Recipient }).IsUnique();
    }
}

internal sealed class MessageAttemptConfiguration : IEntityTypeConfiguration<MessageAttempt>
{
    public void Configure(EntityTypeBuilder<MessageAttempt> builder)
    {
        builder.ToTable("t_message_attempt");
        builder.Property(a => a.Error).HasMaxLength(2000);
        builder.HasIndex(a => a.MessageId);
        builder.HasOne<MessageLog>().WithMany().HasForeignKey(a => a.MessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlacklistEntryConfiguration : IEntityTypeConfiguration<BlacklistEntry>
{
    public void Configure(EntityTypeBuilder<BlacklistEntry> builder)
    {
        builder.ToTable("t_message_blacklist");
        builder.Property(b => b.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Address).HasMaxLength(MessageLog.AddressMaxLength);
        builder.Property(b => b.Reason).HasMaxLength(256).IsRequired();
        builder.HasIndex(b => new { b.Channel, b.Address });
        builder.HasIndex(b => new { b.Channel, b.UserId });
    }
}

internal sealed class UserNotificationSettingConfiguration : IEntityTypeConfiguration<UserNotificationSetting>
{
    public void Configure(EntityTypeBuilder<UserNotificationSetting> builder)
    {
        builder.ToTable("t_user_notification_setting");
        builder.HasKey(s => new { s.UserId, s.Type, s.Channel });
        builder.Property(s => s.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(16);
    }
}
