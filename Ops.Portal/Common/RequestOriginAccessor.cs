using Ops.Domain.Audit;
using Ops.Infrastructure.Audit;

namespace Ops.Portal.Common;

/// <summary>
/// The circuit keeps the origin of the request that opened it (App.razor captures it), because
/// HttpContext is not available in interactive rendering.
/// </summary>
internal sealed class CircuitOrigin
{
    public RequestOrigin? Origin { get; set; }

    public static RequestOrigin FromHttpContext(HttpContext context) => new(
        context.Connection.RemoteIpAddress?.ToString(),
        context.Request.Headers.UserAgent.ToString(),
        context.Request.Path.Value,
        context.Request.Method);
}

internal sealed class RequestOriginAccessor(IHttpContextAccessor httpContextAccessor, CircuitOrigin circuitOrigin) : IRequestOriginAccessor
{
    public RequestOrigin? Origin =>
        circuitOrigin.Origin
        ?? (httpContextAccessor.HttpContext is { } context ? CircuitOrigin.FromHttpContext(context) : null);
}
