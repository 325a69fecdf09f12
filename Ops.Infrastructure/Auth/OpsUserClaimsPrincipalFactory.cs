using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ops.Infrastructure.Auth;

/// <summary>Adds the display name, the forced-password-change flag and the session id to the sign-in cookie.</summary>
internal sealed class OpsUserClaimsPrincipalFactory(
    UserManager<OpsUser> userManager, RoleManager<OpsRole> roleManager, IOptions<IdentityOptions> options, IHttpContextAccessor http, MfaService mfa)
    : UserClaimsPrincipalFactory<OpsUser, OpsRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OpsUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(OpsClaimTypes.DisplayName, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(OpsClaimTypes.MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled && await mfa.IsRequiredAsync(user))
        {
            identity.AddClaim(new Claim(OpsClaimTypes.MustEnrolMfa, "true"));
        }

        // A refreshed cookie (password change, stamp validation) keeps the session it belongs to.
        var current = http.HttpContext?.User;
        if (current?.FindFirst(SessionService.ClaimType) is { } session
            && current.FindFirstValue(ClaimTypes.NameIdentifier) == user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            identity.AddClaim(new Claim(SessionService.ClaimType, session.Value));
        }

        return identity;
    }
}
