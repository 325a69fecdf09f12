using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Common;

/// <summary>Builds policy names for permission codes: <c>perm:&lt;code&gt;</c>.</summary>
public static class Policies
{
    public const string Prefix = "perm:";

    public static string For(string permission) => Prefix + permission;
}

internal sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Maps every <c>perm:&lt;code&gt;</c> policy to a <see cref="PermissionRequirement"/>.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Policies.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(policyName[Policies.Prefix.Length..]))
                .Build();
        }

        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>Same source of truth as the service guard: the user's current access from the database.</summary>
internal sealed class PermissionAuthorizationHandler(IUserAccessStore accessStore) : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var actor = CurrentUser.FromPrincipal(context.User);
        if (actor.UserId is { } userId && (await accessStore.GetAsync(userId)).Has(requirement.Permission))
        {
            context.Succeed(requirement);
        }
    }
}
