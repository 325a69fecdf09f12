using Microsoft.Extensions.Options;

namespace Ops.Portal.Hosting.Security;

/// <summary>
/// The notification hub answers pages of the portal's own origin and of configured ones only: a page
/// on another site (or another local port) could otherwise open it with the victim's cookie and read
/// their notifications. Applies to negotiate, WebSocket and long-polling requests alike; clients that
/// send no Origin (desktop helpers, other apps) are not browsers acting for someone else.
/// </summary>
internal sealed class HubOriginMiddleware(RequestDelegate next, IOptionsMonitor<SecurityOptions> options, ILogger<HubOriginMiddleware> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var origin = context.Request.Headers.Origin.ToString();
        if (!context.Request.Path.StartsWithSegments(NotificationHub.Path) || string.IsNullOrEmpty(origin) || IsAllowed(context.Request, origin))
        {
            return next(context);
        }

        logger.LogWarning("Refused {Path} from origin {Origin}", context.Request.Path.Value, origin);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }

    private bool IsAllowed(HttpRequest request, string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (SameOrigin(uri, request.Scheme, request.Host)
            || options.CurrentValue.AllowedOrigins.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var allowed) && SameOrigin(uri, allowed)));

    private static bool SameOrigin(Uri origin, string scheme, HostString host) =>
        Uri.TryCreate($"{scheme}://{host.Value}", UriKind.Absolute, out var own) && SameOrigin(origin, own);

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
