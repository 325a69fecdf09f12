using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth;

namespace Ops.Infrastructure.Auth.Persistence;

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
        builder.Property(u => u.PreferredTimeZone).HasMaxLength(TimeZones.IdMaxLength);
        builder.Property(u => u.LastLoginIp).HasMaxLength(64);
        builder.Property(u => u.DataScope).HasConversion<string>().HasMaxLength(32);
        builder.Property(u => u.DataScopeDepartments).HasMaxLength(2000);
        builder.Property(u => u.WeComId).HasMaxLength(128);
        builder.Property(u => u.DingTalkId).HasMaxLength(128);
        builder.Property(u => u.FeishuId).HasMaxLength(128);
        builder.Property(u => u.OidcSubject).HasMaxLength(255);
        builder.HasIndex(u => u.DepartmentId);
        builder.HasIndex(u => u.NormalizedEmail);
        builder.HasIndex(u => u.PhoneNumber);
        // One user per provider account; NULLs (not linked) do not collide on either provider.
        builder.HasIndex(u => u.WeComId).IsUnique();
        builder.HasIndex(u => u.DingTalkId).IsUnique();
        builder.HasIndex(u => u.FeishuId).IsUnique();
        builder.HasIndex(u => u.OidcSubject).IsUnique();
        builder.HasIndex(u => new { u.IsActive, u.CreatedAt });

        // The user list sorts by these; an index turns the sort of a page into a range scan.
        builder.HasIndex(u => u.UserName);
        builder.HasIndex(u => u.RealName);
        builder.HasIndex(u => u.LastLoginAt);
        builder.HasIndex(u => u.CreatedAt);
        // The user list counts people (not deleted, not service accounts) on every page: this index covers that count.
        builder.HasIndex(u => new { u.IsDeleted, u.IsServiceAccount });
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
        builder.Property(r => r.DataScope).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.DataScopeDepartments).HasMaxLength(2000);
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

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("t_user_session");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(UserSession.IdLength);
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.Property(s => s.UserAgent).HasMaxLength(512);
        builder.Property(s => s.Device).HasMaxLength(128);
        builder.Ignore(s => s.IsActive);
        builder.HasIndex(s => new { s.UserId, s.RevokedAt });
        builder.HasOne<OpsUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserAvatarConfiguration : IEntityTypeConfiguration<UserAvatar>
{
    public void Configure(EntityTypeBuilder<UserAvatar> builder)
    {
        builder.ToTable("t_user_avatar");
        builder.HasKey(a => a.UserId);
        builder.Property(a => a.UserId).ValueGeneratedNever();
        builder.Property(a => a.ContentType).HasMaxLength(64);
        builder.Property(a => a.Content).HasMaxLength(UserAvatar.MaxBytes);
        builder.HasOne<OpsUser>().WithOne().HasForeignKey<UserAvatar>(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SsoProviderConfiguration : IEntityTypeConfiguration<SsoProvider>
{
    public void Configure(EntityTypeBuilder<SsoProvider> builder)
    {
        builder.ToTable("t_sso_provider");
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.DisplayName).HasMaxLength(64);
        builder.Property(p => p.ClientId).HasMaxLength(SsoProvider.TextMaxLength);
        builder.Property(p => p.AgentId).HasMaxLength(64);
        builder.Property(p => p.ProtectedSecret).HasMaxLength(2000);
        builder.Property(p => p.Authority).HasMaxLength(SsoProvider.TextMaxLength);
        builder.Property(p => p.Scopes).HasMaxLength(SsoProvider.TextMaxLength);
        builder.HasIndex(p => p.Kind).IsUnique();
    }
}
