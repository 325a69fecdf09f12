using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ops.Infrastructure.Auth;

/// <summary>Adds the display name and the forced-password-change flag to the sign-in cookie.</summary>
internal sealed class OpsUserClaimsPrincipalFactory(
    UserManager<OpsUser> userManager, RoleManager<OpsRole> roleManager, IOptions<IdentityOptions> options)
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

        return identity;
    }
}
