namespace Ops.Infrastructure.Common.Egress;

/// <summary>
/// Section <c>Egress</c>: where the portal's outbound HTTP (HTTP jobs, webhooks, robots, SMS gateways, approval
/// callbacks, single sign-on) may connect. Entries are host names (<c>api.corp.local</c>, <c>*.corp.local</c>),
/// addresses or CIDR ranges (<c>10.20.0.0/16</c>, <c>fd00::/8</c>).
/// </summary>
public sealed class EgressOptions
{
    public const string SectionName = "Egress";

    /// <summary>Always refused, before anything else.</summary>
    public List<string> Deny { get; set; } = [];

    /// <summary>Allowed even where the built-in rules refuse (a loopback service, a link-local device).</summary>
    public List<string> Allow { get; set; } = [];
}
