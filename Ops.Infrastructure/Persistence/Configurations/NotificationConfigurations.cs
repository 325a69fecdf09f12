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
