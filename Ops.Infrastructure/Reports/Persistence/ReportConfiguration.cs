using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Reports;

namespace Ops.Infrastructure.Reports.Persistence;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("t_report");
        builder.Property(r => r.Name).HasMaxLength(Report.NameMaxLength).IsRequired();
        builder.Property(r => r.Description).HasMaxLength(Report.DescriptionMaxLength);
        builder.Property(r => r.Category).HasMaxLength(Report.CategoryMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.DraftJson).IsRequired();
        builder.Ignore(r => r.HasUnpublishedChanges);
        builder.HasIndex(r => r.Name);
        builder.HasIndex(r => new { r.Status, r.UpdatedAt });
        builder.HasIndex(r => r.DataSourceId);
    }
}

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> builder)
    {
        builder.ToTable("t_report_version");
        builder.Property(v => v.DefinitionJson).IsRequired();
        builder.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
    }
}

internal sealed class ReportGrantConfiguration : IEntityTypeConfiguration<ReportGrant>
{
    public void Configure(EntityTypeBuilder<ReportGrant> builder)
    {
        builder.ToTable("t_report_grant");
        builder.Property(g => g.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(g => new { g.ReportId, g.Kind, g.TargetId }).IsUnique();
        builder.HasIndex(g => new { g.Kind, g.TargetId });
    }
}

internal sealed class ReportFavoriteConfiguration : IEntityTypeConfiguration<ReportFavorite>
{
    public void Configure(EntityTypeBuilder<ReportFavorite> builder)
    {
        builder.ToTable("t_report_favorite");
        builder.HasIndex(f => new { f.UserId, f.ReportId }).IsUnique();
        builder.HasIndex(f => f.ReportId);
    }
}
