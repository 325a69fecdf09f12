using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ops.Infrastructure;
using Ops.Infrastructure.Auth;
using Ops.Portal.Api;
using Ops.Portal.Components;
using Ops.Portal.Components.Account;
using Ops.Portal.Hosting.Security;
using Ops.Portal.Localization;
using Serilog;

namespace Ops.Portal.Hosting;

internal static class PortalPipeline
{
    /// <summary>Migrates, seeds and creates the first admin; announces where to sign in once serving.</summary>
    public static async Task InitializeOpsAsync(this WebApplication app)
    {
        var password = app.Configuration[AdminBootstrapper.PasswordVariable];
        var admin = await OpsStartup.InitializeAsync(app.Services, password);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
            var url = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal)) ?? addresses?.FirstOrDefault() ?? "http://localhost:5000";
            app.Services.GetRequiredService<IStartupAnnouncer>().Announce(url.Replace("0.0.0.0", "localhost", StringComparison.Ordinal).Replace("[::]", "localhost", StringComparison.Ordinal), admin);
        });
    }

    public static WebApplication UseOpsPortal(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseOpsSecurityHeaders();

        app.UseSerilogRequestLogging(o => o.GetLevel = (http, _, ex) =>
            ex is not null || http.Response.StatusCode >= 500 ? Serilog.Events.LogEventLevel.Error
            : http.Request.Path.StartsWithSegments("/_blazor") || http.Request.Path.StartsWithSegments("/_framework") || http.Request.Path.StartsWithSegments("/_content") ? Serilog.Events.LogEventLevel.Debug
            : Serilog.Events.LogEventLevel.Information);
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseApiStatusCodes();
        app.UseRequestLocalization(Cultures.Options());
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<AccountGateMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseMiddleware<BadRequestMiddleware>();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapCultureEndpoint();
        app.MapAvatarEndpoint();
        app.MapApprovalFileEndpoint();
        app.MapReportExportEndpoint();
        app.MapOpsApi();
        app.MapSsoEndpoints();
        app.MapHub<NotificationHub>(NotificationHub.Path);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
