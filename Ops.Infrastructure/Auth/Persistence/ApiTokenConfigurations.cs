using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Infrastructure.Auth.Api;

namespace Ops.Infrastructure.Auth.Persistence;

internal sealed class ApiRefreshTokenConfiguration : IEntityTypeConfiguration<ApiRefreshToken>
{
    public void Configure(EntityTypeBuilder<ApiRefreshToken> builder)
    {
        builder.ToTable("t_api_refresh_token");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TokenHash).HasMaxLength(ApiTokenHashing.HashLength).IsRequired();
        builder.Property(t => t.SessionId).HasMaxLength(UserSession.IdLength).IsRequired();
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.SessionId);
        builder.HasOne<UserSession>().WithMany().HasForeignKey(t => t.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.ToTable("t_api_token");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(ApiToken.NameMaxLength).IsRequired();
        builder.Property(t => t.TokenHash).HasMaxLength(ApiTokenHashing.HashLength).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(ApiToken.PrefixLength).IsRequired();
        builder.Property(t => t.Scopes).HasMaxLength(ApiToken.ScopesMaxLength).IsRequired();
        builder.Property(t => t.LastUsedIp).HasMaxLength(64);
        builder.Ignore(t => t.ScopeList);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<OpsUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
