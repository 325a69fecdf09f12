using System.Net;

namespace Ops.Infrastructure.Common.Egress;

/// <summary>Addresses refused unless allowed: the portal's own machine, link-local networks and cloud metadata services.</summary>
public static class EgressAddresses
{
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"),          // "this network": 0.0.0.0 reaches the local machine
        IPNetwork.Parse("127.0.0.0/8"),        // loopback
        IPNetwork.Parse("169.254.0.0/16"),     // link-local, 169.254.169.254 metadata (AWS, Azure, GCP, Tencent, Huawei)
        IPNetwork.Parse("100.100.100.200/32"), // Alibaba Cloud metadata
        IPNetwork.Parse("224.0.0.0/4"),        // multicast
        IPNetwork.Parse("240.0.0.0/4"),        // reserved, broadcast
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("fe80::/10"),          // link-local
        IPNetwork.Parse("fd00:ec2::254/128"),  // AWS metadata over IPv6
        IPNetwork.Parse("ff00::/8"),           // multicast
    ];

    /// <summary>IPv4 written as IPv6 (<c>::ffff:127.0.0.1</c>) is compared as IPv4, so it cannot slip past the IPv4 ranges.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public static bool IsRefusedByDefault(IPAddress address)
    {
        var normalized = Normalize(address);
        return Refused.Any(n => n.Contains(normalized));
    }
}
