using Ops.Infrastructure.Auth;

namespace Ops.Portal.Hosting;

/// <summary>
/// A user whose password was generated or reset reaches nothing but the change-password page until
/// they change it.
/// </summary>
internal sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public const string ChangePasswordPath = "/Account/Manage/ChangePassword";

    private static readonly string[] AllowedPrefixes = ["/Account", "/_framework", "/_content", "/_blazor", "/health", "/css", "/fonts", "/img", "/js", "/culture"];

    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(OpsClaimTypes.MustChangePassword, "true") && !IsAllowed(context.Request.Path))
        {
            context.Response.Redirect(ChangePasswordPath + "?forced=true");
            return Task.CompletedTask;
        }

        return next(context);
    }

    private static bool IsAllowed(PathString path) =>
        AllowedPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
        || Path.HasExtension(path.Value);
}
