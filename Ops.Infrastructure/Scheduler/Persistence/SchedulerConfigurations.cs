using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Scheduler.Persistence;

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
        builder.Property(l => l.Process).HasMaxLength(Scheduler.Execution.RunProcess.MaxLength);
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

internal sealed class JobFlowConfiguration : IEntityTypeConfiguration<Domain.Scheduler.Flows.JobFlow>
{
    public void Configure(EntityTypeBuilder<Domain.Scheduler.Flows.JobFlow> builder)
    {
        builder.ToTable("t_job_flow");
        builder.Property(f => f.Name).HasMaxLength(Domain.Scheduler.Flows.JobFlow.NameMaxLength).IsRequired();
        builder.Property(f => f.Description).HasMaxLength(Domain.Scheduler.Flows.JobFlow.DescriptionMaxLength);
        builder.Property(f => f.Cron).HasMaxLength(Job.CronMaxLength);
        builder.Property(f => f.TimeZone).HasMaxLength(Job.TimeZoneMaxLength).IsRequired();
        builder.HasIndex(f => f.Name);
    }
}

internal sealed class JobFlowNodeConfiguration : IEntityTypeConfiguration<Domain.Scheduler.Flows.JobFlowNode>
{
    public void Configure(EntityTypeBuilder<Domain.Scheduler.Flows.JobFlowNode> builder)
    {
        builder.ToTable("t_job_flow_node");
        builder.Property(n => n.Key).HasMaxLength(Domain.Scheduler.Flows.JobFlowNode.KeyMaxLength).IsRequired();
        builder.Property(n => n.Parameters).HasMaxLength(JobLog.ParamsMaxLength);
        builder.Property(n => n.FailurePolicy).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(n => new { n.FlowId, n.Key }).IsUnique();
        builder.HasIndex(n => n.JobId);
        builder.HasOne<Domain.Scheduler.Flows.JobFlow>().WithMany().HasForeignKey(n => n.FlowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JobFlowEdgeConfiguration : IEntityTypeConfiguration<Domain.Scheduler.Flows.JobFlowEdge>
{
    public void Configure(EntityTypeBuilder<Domain.Scheduler.Flows.JobFlowEdge> builder)
    {
        builder.ToTable("t_job_flow_edge");
        builder.Property(e => e.FromKey).HasMaxLength(Domain.Scheduler.Flows.JobFlowNode.KeyMaxLength).IsRequired();
        builder.Property(e => e.ToKey).HasMaxLength(Domain.Scheduler.Flows.JobFlowNode.KeyMaxLength).IsRequired();
        builder.HasIndex(e => new { e.FlowId, e.FromKey, e.ToKey }).IsUnique();
        builder.HasOne<Domain.Scheduler.Flows.JobFlow>().WithMany().HasForeignKey(e => e.FlowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FlowInstanceConfiguration : IEntityTypeConfiguration<Domain.Scheduler.Flows.FlowInstance>
{
    public void Configure(EntityTypeBuilder<Domain.Scheduler.Flows.FlowInstance> builder)
    {
        builder.ToTable("t_flow_instance");
        builder.Property(i => i.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.TraceId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.Node).HasMaxLength(128).IsRequired();
        builder.Property(i => i.Result).HasMaxLength(2000);
        builder.Property(i => i.Definition).IsRequired();
        builder.Ignore(i => i.IsFinished);
        builder.HasIndex(i => new { i.FlowId, i.Id });
        builder.HasIndex(i => new { i.Status, i.Node });
        builder.HasOne<Domain.Scheduler.Flows.JobFlow>().WithMany().HasForeignKey(i => i.FlowId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FlowNodeRunConfiguration : IEntityTypeConfiguration<Domain.Scheduler.Flows.FlowNodeRun>
{
    public void Configure(EntityTypeBuilder<Domain.Scheduler.Flows.FlowNodeRun> builder)
    {
        builder.ToTable("t_flow_node_run");
        builder.Property(n => n.Key).HasMaxLength(Domain.Scheduler.Flows.JobFlowNode.KeyMaxLength).IsRequired();
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Result).HasMaxLength(Domain.Scheduler.Flows.FlowNodeRun.ResultMaxLength);
        builder.Property(n => n.Error).HasMaxLength(Domain.Scheduler.Flows.FlowNodeRun.ResultMaxLength);
        builder.HasIndex(n => new { n.InstanceId, n.Key }).IsUnique();
        builder.HasOne<Domain.Scheduler.Flows.FlowInstance>().WithMany().HasForeignKey(n => n.InstanceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(n => n.Log).WithMany().HasForeignKey(n => n.JobLogId).OnDelete(DeleteBehavior.Restrict);
    }
}
