using System.Text.Json;

namespace Ops.Domain.Scheduler.Flows;

/// <summary>The drawing an instance runs: nodes with their overrides, edges and the parallel limit.</summary>
public sealed record FlowSnapshot(int MaxParallel, IReadOnlyList<FlowNodeInput> Nodes, IReadOnlyList<FlowEdgeInput> Edges)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static FlowSnapshot FromJson(string json) => JsonSerializer.Deserialize<FlowSnapshot>(json, Json) ?? throw new JsonException("empty flow snapshot");

    public FlowGraph Graph() => new(
        Nodes.Select(n => new FlowNodeSpec(n.Key, n.JobId, n.Policy)).ToList(),
        Edges.Select(e => new FlowEdgeSpec(e.From, e.To)).ToList());

    public FlowNodeInput Node(string key) => Nodes.First(n => n.Key == key);
}
