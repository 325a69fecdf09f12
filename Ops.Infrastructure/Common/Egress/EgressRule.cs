using System.Net;

namespace Ops.Infrastructure.Common.Egress;

/// <summary>One allow or deny entry: a host name (optionally <c>*.</c>-prefixed) or an address range.</summary>
public sealed class EgressRule
{
    private readonly string? _host;
    private readonly IPNetwork? _network;

    private EgressRule(string? host, IPNetwork? network) => (_host, _network) = (host, network);

    public static EgressRule Parse(string entry)
    {
        var text = entry.Trim();
        if (IPNetwork.TryParse(text, out var network))
        {
            return new EgressRule(null, network);
        }

        if (IPAddress.TryParse(text, out var address))
        {
            address = EgressAddresses.Normalize(address);
            return new EgressRule(null, new IPNetwork(address, address.GetAddressBytes().Length * 8));
        }

        if (text.Length == 0 || Uri.CheckHostName(text.TrimStart('*', '.')) != UriHostNameType.Dns)
        {
            throw new InvalidOperationException($"Egress entry '{entry}' is neither a host name, an address nor a CIDR range.");
        }

        return new EgressRule(text.ToLowerInvariant().TrimEnd('.'), null);
    }

    public bool MatchesHost(string host)
    {
        if (_host is null)
        {
            return false;
        }

        var name = host.ToLowerInvariant().TrimEnd('.');
        return _host.StartsWith("*.", StringComparison.Ordinal)
            ? name.EndsWith(_host[1..], StringComparison.Ordinal)
            : name == _host;
    }

    public bool MatchesAddress(IPAddress address) => _network is { } network && network.Contains(EgressAddresses.Normalize(address));
}
