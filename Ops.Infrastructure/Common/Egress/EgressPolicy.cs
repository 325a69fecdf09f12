using System.Net;
using System.Net.Sockets;

namespace Ops.Infrastructure.Common.Egress;

/// <summary>
/// The one egress policy of every outbound HTTP client the portal makes on a user's behalf. It decides in the
/// connect callback, on the resolved address of every connection (redirects and retries included), so neither the
/// spelling of a URL nor DNS can route around it: deny entries first, then allow entries, then the built-in refusal
/// of the portal's own machine, link-local networks and cloud metadata. Other (intranet) addresses are allowed.
/// </summary>
public sealed class EgressPolicy(EgressOptions options)
{
    private readonly EgressRule[] _deny = [.. options.Deny.Where(e => !string.IsNullOrWhiteSpace(e)).Select(EgressRule.Parse)];
    private readonly EgressRule[] _allow = [.. options.Allow.Where(e => !string.IsNullOrWhiteSpace(e)).Select(EgressRule.Parse)];

    public bool Permits(string host, IPAddress address)
    {
        if (_deny.Any(r => r.MatchesHost(host) || r.MatchesAddress(address)))
        {
            return false;
        }

        return _allow.Any(r => r.MatchesHost(host) || r.MatchesAddress(address)) || !EgressAddresses.IsRefusedByDefault(address);
    }

    /// <summary>A handler for the portal's HTTP clients: no system proxy (it would hide the real peer from the check).</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        UseProxy = false,
        ConnectCallback = ConnectAsync,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
    };

    /// <summary>The host's addresses when the policy permits every one of them, else <see cref="EgressRefusedException"/>.</summary>
    internal async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        // A name that resolves to a refused address among others is refused whole (no rebinding games).
        return addresses.Length > 0 && addresses.All(a => Permits(host, a)) ? addresses : throw new EgressRefusedException(host);
    }

    /// <summary>A TCP connection to a permitted address of the host (SMTP and other non-HTTP clients that accept a socket).</summary>
    internal async Task<Socket> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, cancellationToken);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken) =>
        new NetworkStream(await ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken), ownsSocket: true);
}

/// <summary>The egress policy refused a connection; the message names the host only, never what lies behind it.</summary>
public sealed class EgressRefusedException(string host)
    : HttpRequestException($"Outbound connections to '{host}' are not allowed by the portal's egress policy (Egress:Allow / Egress:Deny).");
