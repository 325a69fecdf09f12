using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Reports;

namespace Ops.Infrastructure.Reports.Persistence;

internal sealed class DataSourceConfiguration : IEntityTypeConfiguration<DataSource>
{
    public void Configure(EntityTypeBuilder<DataSource> builder)
    {
        builder.ToTable("t_datasource");
        builder.Property(d => d.Name).HasMaxLength(DataSource.NameMaxLength).IsRequired();
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Host).HasMaxLength(DataSource.HostMaxLength);
        builder.Property(d => d.Database).HasMaxLength(DataSource.DatabaseMaxLength).IsRequired();
        builder.Property(d => d.UserName).HasMaxLength(DataSource.UserMaxLength);
        builder.Property(d => d.ProtectedPassword).HasMaxLength(2000);
        builder.Property(d => d.Options).HasMaxLength(DataSource.OptionsMaxLength);
        builder.Property(d => d.LastTestMessage).HasMaxLength(DataSource.MessageMaxLength);
        builder.Property(d => d.UseRoleIds).HasMaxLength(DataSource.RoleIdsMaxLength);
        builder.Property(d => d.Description).HasMaxLength(DataSource.DescriptionMaxLength);
        builder.Ignore(d => d.Limits);
        builder.Ignore(d => d.Status);
        builder.HasIndex(d => d.Name);
    }
}
