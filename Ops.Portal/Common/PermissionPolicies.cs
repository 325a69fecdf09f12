using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Common;

/// <summary>
/// Builds policy names for permission codes: <c>perm:&lt;code&gt;</c>, or <c>perm:&lt;a&gt;|&lt;b&gt;</c> for a page that
/// either code opens (a page attribute needs a constant: <c>Policies.Prefix + A + Policies.Or + B</c>).
/// </summary>
public static class Policies
{
    public const string Prefix = "perm:";

    public const string Or = "|";

    public static string For(string permission) => Prefix + permission;

    /// <summary>The codes a policy name stands for, any one of which passes it.</summary>
    public static IReadOnlyList<string> CodesOf(string policyName) => policyName[Prefix.Length..].Split(Or);
}

internal sealed record PermissionRequirement(IReadOnlyList<string> AnyOf) : IAuthorizationRequirement;

/// <summary>Maps every <c>perm:&lt;code&gt;</c> policy to a <see cref="PermissionRequirement"/>.</summary>
internal sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (policyName.StartsWith(Policies.Prefix, StringComparison.Ordinal))
        {
            return new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .AddRequirements(new PermissionRequirement(Policies.CodesOf(policyName)))
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
        if (actor.UserId is { } userId && (await accessStore.GetAsync(userId)) is var access && requirement.AnyOf.Any(access.Has))
        {
            context.Succeed(requirement);
        }
    }
}
