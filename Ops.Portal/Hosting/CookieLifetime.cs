using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Hosting;

/// <summary>
/// Sign-in cookie: a browser-session cookie with a 30-minute sliding idle timeout, tied to a
/// server-side session that enforces the 12-hour absolute limit and revocation.
/// </summary>
internal static class CookieLifetime
{
    public static IServiceCollection ConfigureOpsCookie(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = ".Ops.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = auth.IdleTimeout;
            o.SlidingExpiration = true;
            o.Events.OnSigningIn = context =>
            {
                context.Properties.IsPersistent = false;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = ValidatePrincipalAsync;

            // An API caller is a program: 401 and 403, never a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });
        // Cookie expiry and stamp validation read the application clock, so tests can move time.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((o, clock) =>
            {
                o.TimeProvider = clock;
                o.OnRefreshingPrincipal = context =>
                {
                    // The refreshed principal keeps its session and how the user signed in.
                    foreach (var type in new[] { SessionService.ClaimType, "amr" })
                    {
                        if (context.CurrentPrincipal?.FindFirst(type) is { } claim && context.NewPrincipal?.Identity is ClaimsIdentity identity
                            && identity.FindFirst(type) is null)
                        {
                            identity.AddClaim(new Claim(type, claim.Value));
                        }
                    }

                    return Task.CompletedTask;
                };
            });
        return services;
    }

    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        // The interactive reference is a page for people: it sends them to sign in like any other.
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !context.Request.Path.StartsWithSegments(Api.ApiDocs.ReferencePath, StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The session behind the cookie carries the absolute limit, revocation and idle time; then Identity's stamp check.
    /// Both run in a scope of their own: the request's scope of a circuit's WebSocket lives as long as the circuit, and
    /// what the check resolves there (a DbContext, the user and role managers, an authentication state provider) stayed
    /// alive beside every open circuit (issue 17).
    /// </summary>
    internal static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var requestServices = http.RequestServices;
        await using var scope = requestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        try
        {
            var principal = context.Principal;
            var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
            var userId = long.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var id) ? id : 0;
            if (!await sessions.IsAliveAsync(principal?.FindFirstValue(SessionService.ClaimType), userId, touch: true))
            {
                context.RejectPrincipal();
                await http.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            // Identity's validator reads its services from the request; it finds the check's scope there.
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        finally
        {
            http.RequestServices = requestServices;
        }
    }
}
