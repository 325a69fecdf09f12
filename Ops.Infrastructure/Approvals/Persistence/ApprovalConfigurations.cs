using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Approvals;

namespace Ops.Infrastructure.Approvals.Persistence;

/// <summary>
/// Process, form and form data are immutable value objects stored as JSON text (the engine's own serializer).
/// The domain only ever replaces them whole, so change tracking compares references: no serializing on every
/// load and save. Processes and forms are also shared between the instances of one version, so their parsed
/// objects are cached by their JSON (<see cref="AsSharedJson{T}"/>).
/// </summary>
internal static class ApprovalJsonColumns
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(value => ApprovalJson.Serialize(value), json => ApprovalJson.Deserialize<T>(json), ByReference<T>()).IsRequired();

    public static PropertyBuilder<T> AsSharedJson<T>(this PropertyBuilder<T> property)
        where T : class =>
        property.HasConversion(value => ApprovalJson.Serialize(value), json => ParsedJson<T>.Get(json), ByReference<T>()).IsRequired();

    private static ValueComparer<T> ByReference<T>()
        where T : class =>
        new((a, b) => ReferenceEquals(a, b), value => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(value), value => value);

    /// <summary>A bounded cache of parsed JSON values (a few hundred distinct processes and forms at most in practice).</summary>
    private static class ParsedJson<T>
        where T : class
    {
        private const int Capacity = 512;
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, T> Cache = new(StringComparer.Ordinal);

        public static T Get(string json)
        {
            if (Cache.TryGetValue(json, out var parsed))
            {
                return parsed;
            }

            if (Cache.Count >= Capacity)
            {
                Cache.Clear();
            }

            return Cache.GetOrAdd(json, ApprovalJson.Deserialize<T>);
        }
    }
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
        builder.Property(d => d.CallbackUrl).HasMaxLength(ApprovalDefinition.CallbackUrlMaxLength);
        builder.Property(d => d.CallbackSecretProtected).HasMaxLength(1000);
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
        builder.Property(v => v.Process).AsSharedJson();
        builder.Property(v => v.Form).AsSharedJson();
        builder.HasIndex(v => new { v.DefinitionId, v.Number }).IsUnique();
    }
}

internal sealed class ApprovalInstanceConfiguration : IEntityTypeConfiguration<ApprovalInstance>
{
    public void Configure(EntityTypeBuilder<ApprovalInstance> builder)
    {
        builder.ToTable("t_workflow_instance");
        builder.Property(i => i.DefinitionCode).HasMaxLength(ApprovalDefinition.CodeMaxLength).IsRequired();
        builder.Property(i => i.Title).HasMaxLength(ApprovalInstance.TitleMaxLength).IsRequired();
        builder.Property(i => i.BusinessType).HasMaxLength(ApprovalInstance.BusinessTypeMaxLength);
        builder.Property(i => i.BusinessId).HasMaxLength(ApprovalInstance.BusinessIdMaxLength);
        builder.Property(i => i.CurrentNodeKey).HasMaxLength(64);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Urgency).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Process).AsSharedJson();
        builder.Property(i => i.Form).AsSharedJson();
        builder.Property(i => i.FormData).AsJson();
        builder.Ignore(i => i.PendingTasks);
        builder.Ignore(i => i.PlannedRoute);
        builder.Ignore(i => i.IsFinal);
        builder.HasOne<ApprovalDefinition>().WithMany().HasForeignKey(i => i.DefinitionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Tasks).WithOne().HasForeignKey(t => t.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Records).WithOne().HasForeignKey(r => r.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.Ccs).WithOne().HasForeignKey(c => c.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Tasks).HasField("_tasks").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Records).HasField("_records").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(i => i.Ccs).HasField("_ccs").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => new { i.ApplicantId, i.Status });
        builder.HasIndex(i => new { i.Status, i.SubmittedAt });
        builder.HasIndex(i => new { i.BusinessType, i.BusinessId });
    }
}

internal sealed class ApprovalTaskConfiguration : IEntityTypeConfiguration<ApprovalTask>
{
    public void Configure(EntityTypeBuilder<ApprovalTask> builder)
    {
        builder.ToTable("t_workflow_task");
        builder.Property(t => t.NodeKey).HasMaxLength(64).IsRequired();
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.AddPosition).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Comment).HasMaxLength(ApprovalInstance.CommentMaxLength);
        builder.Ignore(t => t.IsOpen);
        builder.Ignore(t => t.Owner);
        builder.HasIndex(t => new { t.InstanceId, t.Number }).IsUnique();
        builder.HasIndex(t => new { t.AssigneeId, t.Status });
        builder.HasIndex(t => new { t.HandledById, t.HandledAt });
        builder.HasIndex(t => new { t.Status, t.DueAt });
    }
}

internal sealed class ApprovalRecordConfiguration : IEntityTypeConfiguration<ApprovalRecord>
{
    public void Configure(EntityTypeBuilder<ApprovalRecord> builder)
    {
        builder.ToTable("t_workflow_record");
        builder.Property(r => r.Action).HasConversion<string>().HasMaxLength(24);
        builder.Property(r => r.RejectTarget).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.NodeKey).HasMaxLength(64);
        builder.Property(r => r.Comment).HasMaxLength(ApprovalInstance.CommentMaxLength);
        builder.Property(r => r.Attachments).AsJson();
        builder.Property(r => r.ChangedFields).AsJson();
        builder.HasIndex(r => new { r.InstanceId, r.Number }).IsUnique();
        builder.HasIndex(r => new { r.ActorId, r.At });
    }
}

internal sealed class ApprovalCcConfiguration : IEntityTypeConfiguration<ApprovalCc>
{
    public void Configure(EntityTypeBuilder<ApprovalCc> builder)
    {
        builder.ToTable("t_workflow_cc");
        builder.Property(c => c.NodeKey).HasMaxLength(64).IsRequired();
        builder.Ignore(c => c.IsRead);
        builder.HasIndex(c => new { c.InstanceId, c.NodeKey, c.UserId }).IsUnique();
        builder.HasIndex(c => new { c.UserId, c.ReadAt });
    }
}

internal sealed class ApprovalDelegationConfiguration : IEntityTypeConfiguration<ApprovalDelegation>
{
    public void Configure(EntityTypeBuilder<ApprovalDelegation> builder)
    {
        builder.ToTable("t_workflow_delegation");
        builder.Property(d => d.Reason).HasMaxLength(ApprovalDelegation.ReasonMaxLength);
        builder.HasIndex(d => new { d.UserId, d.End });
    }
}

internal sealed class ApprovalCallbackConfiguration : IEntityTypeConfiguration<ApprovalCallback>
{
    public void Configure(EntityTypeBuilder<ApprovalCallback> builder)
    {
        builder.ToTable("t_workflow_callback");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Target).HasMaxLength(ApprovalCallback.TargetMaxLength).IsRequired();
        builder.Property(c => c.Payload).IsRequired();
        builder.Property(c => c.DeliveryId).HasMaxLength(32).IsRequired();
        builder.Property(c => c.LastError).HasMaxLength(ApprovalCallback.ErrorMaxLength);
        builder.Property(c => c.LeaseOwner).HasMaxLength(64);
        builder.HasIndex(c => new { c.Status, c.NextAttemptAt });
        builder.HasOne(c => c.Instance).WithMany().HasForeignKey(c => c.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.DeliveryId).IsUnique();
    }
}

internal sealed class ApprovalFileConfiguration : IEntityTypeConfiguration<ApprovalFile>
{
    public void Configure(EntityTypeBuilder<ApprovalFile> builder)
    {
        builder.ToTable("t_workflow_file");
        builder.Property(f => f.Key).HasMaxLength(32).IsRequired();
        builder.Property(f => f.FileName).HasMaxLength(ApprovalFile.NameMaxLength).IsRequired();
        builder.Property(f => f.ContentType).HasMaxLength(ApprovalFile.ContentTypeMaxLength).IsRequired();
        builder.Property(f => f.Content).HasMaxLength((int)ApprovalFile.MaxSize).IsRequired();
        builder.HasIndex(f => f.Key).IsUnique();
        builder.HasIndex(f => new { f.UploadedBy, f.UploadedAt });
    }
}

internal sealed class ApprovalFileReferenceConfiguration : IEntityTypeConfiguration<ApprovalFileReference>
{
    public void Configure(EntityTypeBuilder<ApprovalFileReference> builder)
    {
        builder.ToTable("t_workflow_file_ref");
        builder.Property(r => r.FileKey).HasMaxLength(32).IsRequired();
        builder.HasOne(r => r.Instance).WithMany().HasForeignKey(r => r.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.FileKey, r.InstanceId }).IsUnique();
    }
}
