using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Persistence.Configurations;

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
        builder.HasIndex(d => d.Name);
    }
}

internal sealed class JobConfiguration : IEntityTypeConfiguration<Job>
{
    public void Configure(EntityTypeBuilder<Job> builder)
    {
        builder.ToTable("t_job");
        builder.Property(j => j.Name).HasMaxLength(Job.NameMaxLength).IsRequired();
        builder.Property(j => j.Description).HasMaxLength(Job.DescriptionMaxLength);
        builder.Property(j => j.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Cron).HasMaxLength(Job.CronMaxLength).IsRequired();
        builder.Property(j => j.TimeZone).HasMaxLength(Job.TimeZoneMaxLength).IsRequired();

        // Scripts can be long: a text column (MySQL counts varchar against one 64 KB row).
        builder.Property(j => j.Config).IsRequired();
        builder.Property(j => j.Concurrency).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.Misfire).HasConversion<string>().HasMaxLength(16);
        builder.Property(j => j.AlertChannels).HasMaxLength(200);
        builder.Property(j => j.AlertRecipients).HasMaxLength(2000);
        builder.Ignore(j => j.IsScheduled);
        builder.HasIndex(j => j.Name);
        builder.HasIndex(j => j.DepartmentId);
    }
}

internal sealed class JobLogConfiguration : IEntityTypeConfiguration<JobLog>
{
    public void Configure(EntityTypeBuilder<JobLog> builder)
    {
        builder.ToTable("t_job_log");
        builder.Property(l => l.TraceId).HasMaxLength(64).IsRequired();
        builder.Property(l => l.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(l => l.Node).HasMaxLength(128).IsRequired();
        builder.Property(l => l.InputParams).HasMaxLength(JobLog.ParamsMaxLength);
        builder.Property(l => l.Result);
        builder.Property(l => l.Error);
        builder.Ignore(l => l.IsFinished);
        builder.HasIndex(l => new { l.JobId, l.Id });
        builder.HasIndex(l => new { l.Status, l.Node });
        builder.HasIndex(l => l.FirstAttemptId);
        builder.HasOne<Job>().WithMany().HasForeignKey(l => l.JobId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class JobAlertConfiguration : IEntityTypeConfiguration<JobAlert>
{
    public void Configure(EntityTypeBuilder<JobAlert> builder)
    {
        builder.ToTable("t_job_alert");
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Title).HasMaxLength(JobAlert.TitleMaxLength).IsRequired();
        builder.Property(a => a.Content).HasMaxLength(JobAlert.ContentMaxLength).IsRequired();
        builder.Property(a => a.Channels).HasMaxLength(200);
        builder.Property(a => a.Comment).HasMaxLength(JobAlert.CommentMaxLength);
        builder.HasIndex(a => new { a.Status, a.CreatedAt });
        builder.HasIndex(a => a.JobId);
        builder.HasOne<Job>().WithMany().HasForeignKey(a => a.JobId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobLog>().WithMany().HasForeignKey(a => a.LogId).OnDelete(DeleteBehavior.Restrict);
    }
}
