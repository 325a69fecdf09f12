using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Persistence.Configurations;

/// <summary>Process and form are value objects stored as JSON text (the engine's own serializer), compared by their JSON.</summary>
internal static class ApprovalJsonColumns
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(
                value => ApprovalJson.Serialize(value),
                json => ApprovalJson.Deserialize<T>(json),
                new ValueComparer<T>(
                    (a, b) => ApprovalJson.Serialize(a) == ApprovalJson.Serialize(b),
                    value => ApprovalJson.Serialize(value).GetHashCode(StringComparison.Ordinal),
                    value => ApprovalJson.Deserialize<T>(ApprovalJson.Serialize(value))))
            .IsRequired();
}

internal sealed class ApprovalDefinitionConfiguration : IEntityTypeConfiguration<ApprovalDefinition>
{
    public void Configure(EntityTypeBuilder<ApprovalDefinition> builder)
    {
        builder.ToTable("t_workflow_definition");
        builder.Property(d => d.Code).HasMaxLength(ApprovalDefinition.CodeMaxLength).IsRequired();
        builder.Property(d => d.Name).HasMaxLength(ApprovalDefinition.NameMaxLength).IsRequired();
        builder.Property(d => d.Description).HasMaxLength(ApprovalDefinition.DescriptionMaxLength);
        builder.Property(d => d.Category).HasMaxLength(ApprovalDefinition.CategoryMaxLength);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.DraftProcess).AsJson();
        builder.Property(d => d.DraftForm).AsJson();
        builder.Ignore(d => d.LatestVersion);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasMany(d => d.Versions).WithOne(v => v.Definition).HasForeignKey(v => v.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ApprovalDefinitionVersionConfiguration : IEntityTypeConfiguration<ApprovalDefinitionVersion>
{
    public void Configure(EntityTypeBuilder<ApprovalDefinitionVersion> builder)
    {
        builder.ToTable("t_workflow_definition_version");
        builder.Property(v => v.Process).AsJson();
        builder.Property(v => v.Form).AsJson();
        builder.HasIndex(v => new { v.DefinitionId, v.Number }).IsUnique();
    }
}
