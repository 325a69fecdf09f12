namespace Ops.Portal.Hosting.Security;

/// <summary>The <c>Security</c> section: who may open the hub and which proxies may speak for a client.</summary>
internal sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Origins besides the portal's own (e.g. <c>https://desk.example:8443</c>) whose pages may open the notification hub.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}

internal sealed class ForwardedHeadersSettings
{
    /// <summary>Proxy addresses trusted to send X-Forwarded-For/-Proto. Empty (with no networks) means loopback only.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation (<c>10.0.0.0/8</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];
}
