using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;
using Ops.Domain.Common;
using Ops.Infrastructure;
using Ops.Infrastructure.Audit;
using Ops.Infrastructure.Auth;
using Ops.Portal.Api;
using Ops.Portal.Common;
using Ops.Portal.Components.Account;
using Ops.Portal.Hosting.Security;
using Ops.Portal.Localization;

namespace Ops.Portal.Hosting;

internal static class PortalServiceCollectionExtensions
{
    /// <summary>Largest message a browser may send over its circuit: the longest form field escaped as \uXXXX, with room to spare.</summary>
    public const long CircuitMessageLimit = 256 * 1024;

    public static WebApplicationBuilder AddOpsPortal(this WebApplicationBuilder builder)
    {
        builder.AddOpsLogging();
        builder.AddOpsSecurity();
        builder.UseStaticWebAssetsOfTheBuild();
        var services = builder.Services;

        // A circuit message carries a whole field's value: 32 KB (the default) dropped the connection at about 10,000
        // Chinese characters and the draft was saved without them. Form fields stop at 20,000 characters (60 KB).
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = CircuitMessageLimit);
        services.AddSignalR();
        services.AddHostedService<NotificationHubRelay>();
        services.AddMudServices(c =>
        {
            // Top centre, below the app bar: a toast never covers a dialog's or a form's action row (bottom right did at 1366×768).
            c.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            c.SnackbarConfiguration.PreventDuplicates = false;
        });
        services.AddTransient<MudLocalizer, OpsMudLocalizer>();
        services.AddLocalization();
        services.AddHttpContextAccessor();

        services.AddOpsInfrastructure(builder.Configuration, builder.Environment);
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IRequestOriginAccessor, RequestOriginAccessor>();
        services.AddScoped<CircuitOrigin>();
        services.AddScoped<ViewerTime>();
        services.AddScoped<SheetDownload>();
        services.AddScoped<ErrorText>();
        services.AddScoped<UiErrorHandler>();
        services.AddScoped<LiveEvents>();
        services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, SessionActivityCircuitHandler>();
        services.AddSingleton<IStartupAnnouncer, ConsoleStartupAnnouncer>();
        services.AddSingleton<MfaChallenge>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureOpsCookie(builder.Configuration);
        services.AddAuthorization();
        services.AddSingleton<IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        services.AddOpsApi();
        return builder;
    }

    /// <summary>
    /// The build output (<c>dotnet run</c>, <c>dotnet bin/.../Ops.Portal.dll</c>) keeps its assets in
    /// the projects and NuGet packages, listed by a runtime manifest that only Development reads by
    /// default: without it every other environment served empty assets. A published app has the files
    /// in wwwroot and no manifest, so this leaves it alone.
    /// </summary>
    private static void UseStaticWebAssetsOfTheBuild(this WebApplicationBuilder builder)
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (!builder.Environment.IsDevelopment() && File.Exists(manifest))
        {
            builder.WebHost.UseStaticWebAssets();
        }
    }
}
