using Ops.Domain.Common;

namespace Ops.Domain.Scheduler.Flows;

/// <summary>A DAG of jobs run on a schedule or by hand (seed t_job_flow). Its nodes and edges are rows of their own.</summary>
public sealed class JobFlow : AuditableEntity, IVersioned, ISoftDeletable, IChangeTracked
{
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 500;
    public const int MaxParallelLimit = 64;

    private JobFlow()
    {
    }

    public JobFlow(string name) => Name = name;

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    /// <summary>Quartz cron; null: manual only.</summary>
    public string? Cron { get; set; }

    public string TimeZone { get; set; } = "UTC";

    public bool Enabled { get; set; } = true;

    public long? DepartmentId { get; set; }

    /// <summary>Nodes of one instance running at once.</summary>
    public int MaxParallel { get; set; } = 4;

    public int Version { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }
}

/// <summary>A node of a flow (seed t_job_flow_node): a job with overrides, at a place on the canvas.</summary>
public sealed class JobFlowNode : Entity
{
    public const int KeyMaxLength = 64;

    private JobFlowNode()
    {
    }

    public JobFlowNode(long flowId, string key, long jobId)
    {
        FlowId = flowId;
        Key = key;
        JobId = jobId;
    }

    public long FlowId { get; private set; }

    public string Key { get; private set; } = "";

    public long JobId { get; set; }

    public double PositionX { get; set; }

    public double PositionY { get; set; }

    /// <summary>Parameters for the job's run (JSON object); values may use <c>${nodes.&lt;key&gt;.result}</c>.</summary>
    public string? Parameters { get; set; }

    public int? RetryCount { get; set; }

    public int? TimeoutSeconds { get; set; }

    public FailurePolicy FailurePolicy { get; set; }
}

/// <summary>A dependency between two nodes of a flow.</summary>
public sealed class JobFlowEdge : Entity
{
    private JobFlowEdge()
    {
    }

    public JobFlowEdge(long flowId, string from, string to)
    {
        FlowId = flowId;
        FromKey = from;
        ToKey = to;
    }

    public long FlowId { get; private set; }

    public string FromKey { get; private set; } = "";

    public string ToKey { get; private set; } = "";
}
