using System.Security.Claims;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Auth.Sso;

namespace Ops.Portal.Api.Auth;

public sealed record PasswordChangeRequest(string CurrentPassword, string NewPassword);

public sealed record MfaVerifyRequest(string Code);

public sealed record SsoLoginOption(string Provider, string Name, string LoginUrl);

/// <summary>
/// The caller's own account under <c>/api/v1/auth</c>: password, profile, two-factor enrolment, and the single sign-on
/// providers (a browser flow: the API names where to send the user).
/// </summary>
internal static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("auth");
        auth.MapPost("/password/change", ChangePasswordAsync).ForAnyUser(duringAccountStep: true)
            .WithSummary("Change your password; every other sign-in ends. Refresh the token afterwards to drop a pending change_password step");
        auth.MapGet("/profile", async (IProfileService profile, CancellationToken ct) => TypedResults.Ok(await profile.GetAsync(ct)))
            .ForAnyUser(duringAccountStep: true).WithSummary("Your profile");
        auth.MapPut("/profile", UpdateProfileAsync).ForAnyUser().WithSummary("Change your name, e-mail and phone");
        auth.MapPost("/mfa/bind", BindMfaAsync).ForAnyUser(duringAccountStep: true)
            .WithSummary("Start two-factor enrolment: the authenticator key and its otpauth:// URI");
        auth.MapPost("/mfa/verify", VerifyMfaAsync).ForAnyUser(duringAccountStep: true)
            .WithSummary("Finish enrolment with a code from the authenticator; returns the recovery codes, once");
        auth.MapGet("/sso/config", SsoConfigAsync).ForAnyone().WithSummary("The single sign-on providers that are on, and where each sign-in starts");
        auth.MapGet("/sso/{provider}/login", SsoLogin).ForAnyone().WithSummary("Redirects a browser to the provider's sign-in (the portal's own flow)");
    }

    private static async Task<IResult> ChangePasswordAsync(PasswordChangeRequest request, PasswordChangeService passwords, ClaimsPrincipal user, HttpContext http)
    {
        var changed = await passwords.ChangeAsync(request.CurrentPassword, request.NewPassword, request.NewPassword,
            user.FindFirstValue(SessionService.ClaimType), http.RequestAborted);
        return changed.IsFailure ? ApiProblems.For(http, changed.Error!) : TypedResults.NoContent();
    }

    private static async Task<IResult> UpdateProfileAsync(ProfileUpdate update, IProfileService profile, HttpContext http)
    {
        var updated = await profile.UpdateAsync(update, http.RequestAborted);
        return updated.IsFailure ? ApiProblems.For(http, updated.Error!) : TypedResults.Ok(await profile.GetAsync(http.RequestAborted));
    }

    private static async Task<IResult> BindMfaAsync(MfaService mfa, HttpContext http)
    {
        var begun = await mfa.BeginAsync(http.RequestAborted);
        return begun.IsFailure ? ApiProblems.For(http, begun.Error!) : TypedResults.Ok(begun.Value);
    }

    private static async Task<IResult> VerifyMfaAsync(MfaVerifyRequest request, MfaService mfa, HttpContext http)
    {
        var confirmed = await mfa.ConfirmAsync(request.Code ?? "", http.RequestAborted);
        return confirmed.IsFailure ? ApiProblems.For(http, confirmed.Error!) : TypedResults.Ok(new { recoveryCodes = confirmed.Value });
    }

    private static async Task<IResult> SsoConfigAsync(SsoService sso, HttpContext http) =>
        TypedResults.Ok((await sso.EnabledAsync(http.RequestAborted))
            .Select(b => new SsoLoginOption(Provider(b.Kind), b.DisplayName, $"/api/v1/auth/sso/{Provider(b.Kind)}/login")).ToList());

    private static IResult SsoLogin(string provider, string? returnUrl, HttpContext http) =>
        Enum.TryParse<SsoKind>(provider, ignoreCase: true, out var kind) && Enum.IsDefined(kind)
            ? TypedResults.Redirect($"/Account/Sso/{Provider(kind)}/login" + (string.IsNullOrEmpty(returnUrl) ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)))
            : ApiProblems.For(http, StatusCodes.Status404NotFound, "api.not_found");

    private static string Provider(SsoKind kind) => kind.ToString().ToLowerInvariant();
}
