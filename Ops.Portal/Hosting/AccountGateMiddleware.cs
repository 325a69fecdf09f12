using Ops.Infrastructure.Auth;

namespace Ops.Portal.Hosting;

/// <summary>
/// What a user must do before anything else: replace a generated or reset password, then enrol an
/// authenticator when an administrator requires one. Until then every page leads there.
/// </summary>
internal sealed class AccountGateMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";
    public const string EnrolMfaPath = "/Account/Manage/EnableAuthenticator";

    private static readonly string[] AllowedPrefixes = ["/Account", "/_framework", "/_content", "/_blazor", "/health", "/css", "/fonts", "/img", "/js", "/culture"];

    /// <summary>Where the user must go first, or null when nothing is pending.</summary>
    public static string? PendingStep(System.Security.Claims.ClaimsPrincipal user) =>
        user.HasClaim(OpsClaimTypes.MustChangePassword, "true") ? ChangePasswordPath + "?forced=true"
        : user.HasClaim(OpsClaimTypes.MustEnrolMfa, "true") ? EnrolMfaPath + "?required=true"
        : null;

    public Task InvokeAsync(HttpContext context)
    {
        if (PendingStep(context.User) is { } step && !IsAllowed(context.Request.Path))
        {
            context.Response.Redirect(step);
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsAllowed(PathString path) =>
        AllowedPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
}
