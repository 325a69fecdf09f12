using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Hosting;

/// <summary>
/// Sign-in cookie: 30-minute sliding idle timeout and a 12-hour absolute limit. The first sign-in
/// time travels in the authentication properties, which survive sliding renewals.
/// </summary>
internal static class CookieLifetime
{
    public const string SignedInAtKey = "ops.signed_in_at";

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
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items.TryAdd(SignedInAtKey, clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
                context.Properties.IsPersistent = false;
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async context =>
            {
                if (IsPastAbsoluteLimit(context, auth.AbsoluteTimeout))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });
        // Cookie expiry and stamp validation read the application clock, so tests can move time.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        return services;
    }

    private static bool IsPastAbsoluteLimit(CookieValidatePrincipalContext context, TimeSpan limit)
    {
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        return context.Properties.Items.TryGetValue(SignedInAtKey, out var value)
            && long.TryParse(value, out var seconds)
            && clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds) > limit;
    }
}
