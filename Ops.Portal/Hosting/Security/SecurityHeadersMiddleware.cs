using System.Security.Cryptography;

namespace Ops.Portal.Hosting.Security;

/// <summary>
/// Content-Security-Policy and the other response headers every page carries. The one inline script
/// (Blazor's import map) runs by a per-request nonce, so script-src needs no 'unsafe-inline'.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string NonceKey = "ops:csp-nonce";

    /// <summary>The nonce of this response's Content-Security-Policy, for the import map's script element.</summary>
    public static string Nonce(HttpContext context) => context.Items[NonceKey] as string ?? "";

    public static string Policy(string nonce) => string.Join("; ",
        "default-src 'self'",
        // 'unsafe-eval' only because Vizor.ECharts turns every chart's options into objects with eval()
        // (its bundle: eval("(" + chartOptions + ")")); no inline script runs without the nonce.
        $"script-src 'self' 'nonce-{nonce}' 'unsafe-eval'",
        // MudBlazor, Monaco and the diagram canvas set style attributes and style elements.
        "style-src 'self' 'unsafe-inline'",
        // data: for the authenticator QR code.
        "img-src 'self' data:",
        "font-src 'self'",
        // 'self' covers the circuit's and the hub's ws:/wss: to the same host.
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        // Sign-in providers are reached by links (GET), not forms, so no provider origin is needed here.
        "form-action 'self'",
        "frame-ancestors 'self'");

    public Task InvokeAsync(HttpContext context)
    {
        // Hex: nothing in it is escaped in HTML, so the attribute matches the header byte for byte.
        var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        // On starting: the exception handler clears headers set earlier.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = Policy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
