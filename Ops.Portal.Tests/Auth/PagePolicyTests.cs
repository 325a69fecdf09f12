using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>Page policies: one code, or any of several (<c>perm:a|b</c>), checked against the user's current access.</summary>
public sealed class PagePolicyTests
{
    private const string RunPage = Policies.Prefix + SchedulerPermissions.Jobs.View + Policies.Or + SchedulerPermissions.Logs.View;

    [Theory]
    [InlineData(SchedulerPermissions.Logs.View, true)]
    [InlineData(SchedulerPermissions.Jobs.View, true)]
    [InlineData(SchedulerPermissions.Logs.Export, false)]
    public async Task APolicyOfSeveralCodes_PassesWithAnyOneOfThem(string held, bool passes)
    {
        Assert.Equal(passes, await AuthorizeAsync(RunPage, held));
    }

    [Fact]
    public async Task APolicyOfOneCode_PassesOnlyWithThatCode()
    {
        Assert.True(await AuthorizeAsync(Policies.For(SchedulerPermissions.Jobs.View), SchedulerPermissions.Jobs.View));
        Assert.False(await AuthorizeAsync(Policies.For(SchedulerPermissions.Jobs.View), SchedulerPermissions.Logs.View));
    }

    [Fact]
    public void TheRunPage_OpensForReadersOfTheSchedulingLog()
    {
        var policy = typeof(Ops.Portal.Components.Pages.Scheduler.RunLog).GetCustomAttributes(typeof(AuthorizeAttribute), false).Cast<AuthorizeAttribute>().Single().Policy!;
        Assert.Equal([SchedulerPermissions.Jobs.View, SchedulerPermissions.Logs.View], Policies.CodesOf(policy));
    }

    private static async Task<bool> AuthorizeAsync(string policyName, string held)
    {
        var policy = await new PermissionPolicyProvider(Options.Create(new AuthorizationOptions())).GetPolicyAsync(policyName);
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "7")], "test"));
        var context = new AuthorizationHandlerContext(policy!.Requirements, user, null);
        await new PermissionAuthorizationHandler(new OneUserAccess(new UserAccess(7, true, false, new HashSet<string> { held }))).HandleAsync(context);
        return context.Requirements.OfType<PermissionRequirement>().All(r => !context.PendingRequirements.Contains(r));
    }

    private sealed class OneUserAccess(UserAccess access) : IUserAccessStore
    {
        public Task<UserAccess> GetAsync(long userId, CancellationToken cancellationToken = default) =>
            Task.FromResult(userId == access.UserId ? access : UserAccess.None);

        public void Invalidate(long userId)
        {
        }
    }
}
