namespace Ops.Portal.Hosting.Security;

/// <summary>The portal's defences in one place: headers, TLS-only cookies and HSTS, trusted proxies, the hub's origins, 400s.</summary>
internal static class SecurityHosting
{
    public static WebApplicationBuilder AddOpsSecurity(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
        services.AddOpsForwardedHeadersTrust();
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        // Every cookie (antiforgery, culture, sign-in, challenges) is Secure when the request came over TLS.
        services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest);
        services.AddSingleton<HubConnections>();
        return builder;
    }

    /// <summary>Runs after the forwarded headers (a startup filter puts them first), so the scheme and host are the client's.</summary>
    public static WebApplication UseOpsSecurityHeaders(this WebApplication app)
    {
        // HSTS is sent only over https and never for localhost, so development is unaffected.
        app.UseHsts();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCookiePolicy();
        app.UseMiddleware<HubOriginMiddleware>();
        return app;
    }
}
