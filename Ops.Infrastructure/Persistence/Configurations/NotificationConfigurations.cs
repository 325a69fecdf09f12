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
