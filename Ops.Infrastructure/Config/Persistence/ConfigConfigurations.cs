using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Config;

namespace Ops.Infrastructure.Config.Persistence;

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> builder)
    {
        builder.ToTable("t_system_config");
        builder.Property(s => s.Key).HasMaxLength(SystemSetting.KeyMaxLength).IsRequired();
        builder.Property(s => s.Category).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Value).IsRequired();
        builder.HasIndex(s => s.Key).IsUnique();
    }
}
