using Ops.Infrastructure.Scheduler;

namespace Ops.Infrastructure.Common;

/// <summary>
/// Who holds a lease on an outbox row: this node's stable name (<c>Scheduler:NodeName</c>, else the host name) and this
/// process's incarnation. A node that starts again knows that leases of its own earlier incarnations are not being
/// worked on (that process is gone), so it takes them back at once instead of waiting for them to expire. Unclustered,
/// this process is the only node, so every lease left in the table is an earlier incarnation's, whatever host name it
/// had (containers get a new one on each deploy).
/// </summary>
public sealed class NodeIdentity(SchedulerOptions options)
{
    /// <summary>Lease owner columns hold 64 characters; the name keeps 27, then "/" and a 32-digit incarnation.</summary>
    private const int NameLength = 27;

    private readonly string _prefix = Clip(options.Node) + "/";

    public string Owner { get; } = Clip(options.Node) + "/" + Guid.NewGuid().ToString("N");

    /// <summary>
    /// Leases left over by a dead holder, which this node may take back at start-up: those whose owner starts with this
    /// prefix and is not <see cref="Owner"/>; null (unclustered) means any owner other than <see cref="Owner"/>.
    /// </summary>
    public string? LeftOverPrefix => options.Clustered ? _prefix : null;

    private static string Clip(string name) => name.Length <= NameLength ? name : name[..NameLength];
}
