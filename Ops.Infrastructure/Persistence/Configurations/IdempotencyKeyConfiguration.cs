using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> builder)
    {
        builder.ToTable("t_idempotency_key");
        builder.Property(k => k.Operation).HasMaxLength(IdempotencyKey.OperationMaxLength).IsRequired();
        builder.Property(k => k.Key).HasMaxLength(IdempotencyKey.KeyMaxLength).IsRequired();

        // The claim: of two calls with the same key exactly one inserts, the other finds the first.
        builder.HasIndex(k => new { k.Operation, k.Key }).IsUnique();
        builder.HasIndex(k => k.CreatedAt);
    }
}
