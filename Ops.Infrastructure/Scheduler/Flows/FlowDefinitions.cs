using Microsoft.EntityFrameworkCore;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Scheduler.Flows;

/// <summary>Reads a flow's drawing from its node and edge rows.</summary>
internal static class FlowDefinitions
{
    public static async Task<(JobFlow Flow, List<FlowNodeInput> Nodes, List<FlowEdgeInput> Edges)?> LoadAsync(OpsDbContext db, long flowId, CancellationToken cancellationToken)
    {
        var flow = await db.JobFlows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        if (flow is null)
        {
            return null;
        }

        var nodes = await db.JobFlowNodes.AsNoTracking().Where(n => n.FlowId == flowId).OrderBy(n => n.Id)
            .Select(n => new FlowNodeInput(n.Key, n.JobId, n.PositionX, n.PositionY, n.Parameters, n.RetryCount, n.TimeoutSeconds, n.FailurePolicy))
            .ToListAsync(cancellationToken);
        var edges = await db.JobFlowEdges.AsNoTracking().Where(e => e.FlowId == flowId).OrderBy(e => e.Id)
            .Select(e => new FlowEdgeInput(e.FromKey, e.ToKey)).ToListAsync(cancellationToken);
        return (flow, nodes, edges);
    }

    /// <summary>The flow as it is drawn now, frozen for an instance.</summary>
    public static async Task<string> SnapshotAsync(OpsDbContext db, long flowId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(db, flowId, cancellationToken) ?? throw new InvalidOperationException($"Flow {flowId} does not exist");
        return new FlowSnapshot(loaded.Flow.MaxParallel, loaded.Nodes, loaded.Edges).ToJson();
    }
}
