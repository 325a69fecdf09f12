using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Auth.Sso;
using Ops.Portal.Common;

namespace Ops.Portal.Hosting;

/// <summary>
/// The browser side of single sign-on: <c>/Account/Sso/{kind}/login</c> (sign in),
/// <c>/Account/Sso/{kind}/link</c> (bind from the profile) and the provider's
/// <c>/Account/Sso/{kind}/callback</c>. The challenge travels in a protected ten-minute cookie.
/// </summary>
internal static class SsoEndpoints
{
    private const string CookieName = ".Ops.SsoChallenge";

    private sealed record Pending(SsoKind Kind, string State, string Nonce, string Verifier, string? ReturnUrl, long? LinkUserId, DateTimeOffset Expires);

    public static void MapSsoEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/Account/Sso/{kind}");
        group.MapGet("/login", (string kind, string? returnUrl, HttpContext context, SsoService sso, IDataProtectionProvider protection, TimeProvider clock) =>
            BeginAsync(kind, returnUrl, null, context, sso, protection, clock));
        group.MapGet("/link", async (string kind, HttpContext context, SsoService sso, SessionService sessions, IDataProtectionProvider protection, TimeProvider clock) =>
        {
            // Binding a provider account is a new way in: only from a fresh sign-in, never from an old cookie.
            var userId = CurrentUser.FromPrincipal(context.User).UserId!.Value;
            return await sessions.IsFreshAsync(context.User.FindFirstValue(SessionService.ClaimType), userId, TimeSpan.FromMinutes(10))
                ? await BeginAsync(kind, "/profile", userId, context, sso, protection, clock)
                : Results.Redirect("/profile?sso=auth.sso.reauthenticate");
        }).RequireAuthorization();
        group.MapGet("/callback", CallbackAsync);
    }

    private static async Task<IResult> BeginAsync(
        string kind, string? returnUrl, long? linkUserId, HttpContext context, SsoService sso, IDataProtectionProvider protection, TimeProvider clock)
    {
        if (!Enum.TryParse<SsoKind>(kind, ignoreCase: true, out var parsed))
        {
            return Results.NotFound();
        }

        try
        {
            var (url, challenge) = await sso.BeginAsync(parsed, RedirectUri(context, parsed), context.RequestAborted);
            var pending = new Pending(parsed, challenge.State, challenge.Nonce, challenge.CodeVerifier, LocalOrNull(returnUrl), linkUserId, clock.GetUtcNow().AddMinutes(10));
            context.Response.Cookies.Append(CookieName, Protector(protection).Protect(JsonSerializer.Serialize(pending)),
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps, MaxAge = TimeSpan.FromMinutes(10) });
            return Results.Redirect(url);
        }
        catch (SsoException)
        {
            return Results.Redirect("/Account/Login?ssoError=auth.sso.failed");
        }
    }

    private static async Task<IResult> CallbackAsync(
        string kind, HttpContext context, SsoService sso, SignInService signIn, LoginRecorder loginLog, IDataProtectionProvider protection, TimeProvider clock)
    {
        var pending = Read(context, protection);
        context.Response.Cookies.Delete(CookieName);
        if (pending is null || pending.Expires < clock.GetUtcNow() || !string.Equals(pending.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase))
        {
            return Results.Redirect("/Account/Login?ssoError=auth.sso.state");
        }

        var callback = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        var challenge = new SsoChallenge(pending.State, pending.Nonce, pending.Verifier);
        var origin = CircuitOrigin.FromHttpContext(context);
        try
        {
            if (pending.LinkUserId is { } userId)
            {
                // The link binds to whoever is signed in now; a different browser user than the one who began is refused.
                if (CurrentUser.FromPrincipal(context.User).UserId != userId)
                {
                    return Results.Redirect("/profile?sso=auth.sso.reauthenticate");
                }

                var linked = await sso.LinkAsync(pending.Kind, callback, RedirectUri(context, pending.Kind), challenge, context.RequestAborted);
                return Results.Redirect("/profile?sso=" + Uri.EscapeDataString(linked.IsSuccess ? "linked" : linked.Error!.Code));
            }

            var result = await sso.CompleteAsync(pending.Kind, callback, RedirectUri(context, pending.Kind), challenge, context.RequestAborted);
            if (result.IsFailure)
            {
                await loginLog.RecordAsync(null, $"{pending.Kind}:{result.Error!.Args.FirstOrDefault()}", LoginType.Sso, LoginResult.Failed, "sso_unknown_user", origin);
                return Results.Redirect("/Account/Login?ssoError=" + Uri.EscapeDataString(result.Error.Code));
            }

            // Signed in through Identity's own context, not the one that matched the user.
            var users = context.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OpsUser>>();
            var user = await users.FindByIdAsync(result.Value.Id.ToString(CultureInfo.InvariantCulture)) ?? result.Value;
            var refusal = !user.IsActive ? "disabled" : await users.IsLockedOutAsync(user) ? "locked_out" : user.IsSuperuser ? "superuser" : null;
            if (refusal is not null)
            {
                // Superusers sign in with their password (and second factor) only: a provider that
                // an SSO administrator can repoint must never open the highest account.
                await loginLog.RecordAsync(user.Id, user.UserName!, LoginType.Sso, LoginResult.Failed, refusal, origin);
                return Results.Redirect($"/Account/Login?ssoError=auth.sso.{(refusal == "superuser" ? "superuser" : "disabled")}");
            }

            if (user.TwoFactorEnabled)
            {
                // The provider proved the first factor; the authenticator is still ours to ask for.
                context.RequestServices.GetRequiredService<MfaChallenge>().Issue(context, user.Id);
                return Results.Redirect("/Account/LoginWithMfa" + (pending.ReturnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(pending.ReturnUrl)));
            }

            await signIn.CompleteSignInAsync(user, LoginType.Sso, user.UserName!, origin);
            return Results.LocalRedirect(pending.ReturnUrl ?? "/dashboard");
        }
        catch (SsoException ex)
        {
            await loginLog.RecordAsync(null, pending.Kind.ToString(), LoginType.Sso, LoginResult.Failed, "sso_failed", origin);
            context.RequestServices.GetRequiredService<ILogger<SsoService>>().LogWarning("SSO with {Kind} failed: {Detail}", pending.Kind, ex.Message);
            return Results.Redirect("/Account/Login?ssoError=auth.sso.failed");
        }
    }

    public static string RedirectUri(HttpContext context, SsoKind kind) =>
        $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/Account/Sso/{kind.ToString().ToLowerInvariant()}/callback";

    private static Pending? Read(HttpContext context, IDataProtectionProvider protection)
    {
        try
        {
            return context.Request.Cookies[CookieName] is { } value ? JsonSerializer.Deserialize<Pending>(Protector(protection).Unprotect(value)) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    private static IDataProtector Protector(IDataProtectionProvider protection) => protection.CreateProtector("Ops.SsoChallenge");

    private static string? LocalOrNull(string? url) =>
        !string.IsNullOrEmpty(url) && !url.Any(char.IsControl) && Components.Account.IdentityRedirectManager.IsLocal(url) && url.StartsWith('/') ? url : null;
}
