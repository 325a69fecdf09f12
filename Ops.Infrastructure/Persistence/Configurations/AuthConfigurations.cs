using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;

namespace Ops.Infrastructure.Persistence.Configurations;

internal sealed class OpsUserConfiguration : IEntityTypeConfiguration<OpsUser>
{
    public void Configure(EntityTypeBuilder<OpsUser> builder)
    {
        builder.ToTable("t_user");
        builder.Property(u => u.UserName).HasMaxLength(OpsUser.UserNameMaxLength);
        builder.Property(u => u.NormalizedUserName).HasMaxLength(OpsUser.UserNameMaxLength);
        builder.Property(u => u.RealName).HasMaxLength(OpsUser.RealNameMaxLength);
        builder.Property(u => u.PreferredTheme).HasMaxLength(16);
        builder.Property(u => u.PreferredCulture).HasMaxLength(16);
        builder.Property(u => u.LastLoginIp).HasMaxLength(64);
        builder.HasIndex(u => u.DepartmentId);
        builder.Ignore(u => u.DisplayName);
    }
}

internal sealed class OpsRoleConfiguration : IEntityTypeConfiguration<OpsRole>
{
    public void Configure(EntityTypeBuilder<OpsRole> builder)
    {
        builder.ToTable("t_role");
        builder.Property(r => r.DisplayName).HasMaxLength(64);
        builder.Property(r => r.Description).HasMaxLength(512);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> builder)
    {
        builder.ToTable("t_department");
        builder.Property(d => d.Name).HasMaxLength(Department.NameMaxLength).IsRequired();
        builder.Property(d => d.Code).HasMaxLength(Department.CodeMaxLength).IsRequired();
        builder.Property(d => d.Path).HasMaxLength(Department.PathMaxLength).IsRequired();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasIndex(d => d.Path);
        builder.HasIndex(d => d.ParentId);
    }
}

internal sealed class PermissionConfiguration : IEntityTypeConfiguration<Permission>
{
    public void Configure(EntityTypeBuilder<Permission> builder)
    {
        builder.ToTable("t_permission");
        builder.Property(p => p.Code).HasMaxLength(Permission.CodeMaxLength).IsRequired();
        builder.Property(p => p.NameKey).HasMaxLength(Permission.NameMaxLength).IsRequired();
        builder.Property(p => p.Module).HasMaxLength(32).IsRequired();
        builder.Property(p => p.Path).HasMaxLength(Permission.PathMaxLength);
        builder.Property(p => p.HttpMethod).HasMaxLength(16);
        builder.Property(p => p.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class RolePermissionConfiguration : IEntityTypeConfiguration<RolePermission>
{
    public void Configure(EntityTypeBuilder<RolePermission> builder)
    {
        builder.ToTable("t_role_permission");
        builder.HasKey(rp => new { rp.RoleId, rp.PermissionId });
        builder.HasOne<OpsRole>().WithMany().HasForeignKey(rp => rp.RoleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Permission>().WithMany().HasForeignKey(rp => rp.PermissionId).OnDelete(DeleteBehavior.Cascade);
    }
}
