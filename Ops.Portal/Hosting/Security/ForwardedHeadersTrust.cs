using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Ops.Portal.Hosting.Security;

/// <summary>
/// Which peers may rewrite the client address and scheme. ASP.NET's own switch
/// (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>, used by deploy/) clears the trust lists and so
/// believes any peer, which let a client spoof the IP in the login log. This runs after it and
/// puts the lists back: the configured proxies and networks, or loopback alone.
/// </summary>
internal static class ForwardedHeadersTrust
{
    public static IServiceCollection AddOpsForwardedHeadersTrust(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IConfiguration>((options, configuration) =>
            Apply(options, configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.ForwardedHeaders ?? new()));
        return services;
    }

    public static void Apply(ForwardedHeadersOptions options, ForwardedHeadersSettings settings)
    {
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in settings.KnownProxies.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        }

        foreach (var network in settings.KnownNetworks.Where(n => !string.IsNullOrWhiteSpace(n)))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
        }

        // Empty lists would mean "trust everyone" to the middleware: never leave them so.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0)
        {
            options.KnownIPNetworks.Add(new System.Net.IPNetwork(IPAddress.Loopback, 8));
            options.KnownProxies.Add(IPAddress.IPv6Loopback);
        }
    }
}
