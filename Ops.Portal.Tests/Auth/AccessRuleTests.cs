using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// One access rule per aggregate, at every entry point: delete asks what update asks (data scope for departments, the
/// own-role rule for roles), and the self-service methods act on the caller and nobody else.
/// </summary>
public sealed class AccessRuleTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task DepartmentDelete_OutsideDataScope_IsRefused(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var mine = await harness.DepartmentAsync("MINE");
        var theirs = await harness.DepartmentAsync("THEIRS");
        var role = await harness.RoleAsync("dept.admin", DataScope.Custom, [mine], SystemPermissions.Departments.View, SystemPermissions.Departments.Delete);
        harness.CurrentUser.Actor = await harness.UserAsync("dept.admin", roles: [role]);

        var refused = await harness.InScopeAsync(sp => sp.GetRequiredService<IDepartmentService>().DeleteAsync(theirs));
        var allowed = await harness.InScopeAsync(sp => sp.GetRequiredService<IDepartmentService>().DeleteAsync(mine));

        Assert.Equal("auth.department.beyond_scope", refused.Error?.Code);
        Assert.True(allowed.IsSuccess, allowed.Error?.ToString());
        await using var db = await harness.CreateDbContextAsync();
        Assert.True(await db.Departments.AnyAsync(d => d.Id == theirs));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RoleDelete_OfOnesOwnRole_IsRefused(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var own = await harness.RoleAsync("role.admin", DataScope.All, null, SystemPermissions.Roles.View, SystemPermissions.Roles.Delete);
        var other = await harness.RoleAsync("other.role", DataScope.Self);
        harness.CurrentUser.Actor = await harness.UserAsync("role.admin", roles: [own]);

        var refused = await harness.InScopeAsync(sp => sp.GetRequiredService<IRoleService>().DeleteAsync(own));
        var allowed = await harness.InScopeAsync(sp => sp.GetRequiredService<IRoleService>().DeleteAsync(other));

        Assert.Equal("auth.user.own_access", refused.Error?.Code);
        Assert.True(allowed.IsSuccess, allowed.Error?.ToString());
        await using var db = await harness.CreateDbContextAsync();
        Assert.True(await db.Roles.AnyAsync(r => r.Id == own));
    }

    [Fact]
    public async Task Mfa_ActsOnTheCallerOnly_AndRefusesAnonymous()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var alice = await harness.UserAsync("mfa.alice");
        var bob = await harness.UserAsync("mfa.bob");

        harness.CurrentUser.Actor = alice;
        var enrolled = await harness.InScopeAsync(sp => sp.GetRequiredService<MfaService>().BeginAsync());
        Assert.True(enrolled.IsSuccess);
        Assert.NotNull(await KeyAsync(harness, alice));
        Assert.Null(await KeyAsync(harness, bob));

        harness.CurrentUser.Actor = Actor.Anonymous;
        await Assert.ThrowsAsync<ForbiddenException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<MfaService>().BeginAsync()));
        await Assert.ThrowsAsync<ForbiddenException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<MfaService>().DisableAsync("a long test passphrase")));
        harness.CurrentUser.Actor = Actor.System;
        await Assert.ThrowsAsync<ForbiddenException>(() => harness.InScopeAsync(sp => sp.GetRequiredService<MfaService>().GetStatusAsync()));
    }

    [Fact]
    public async Task SigningOutOtherSessions_EndsTheCallersOnly()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var alice = await harness.UserAsync("sessions.alice");
        var bob = await harness.UserAsync("sessions.bob");
        var (aliceHere, aliceThere, bobs) = await harness.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<SessionService>();
            return (await sessions.StartAsync(alice.UserId!.Value, null), await sessions.StartAsync(alice.UserId!.Value, null), await sessions.StartAsync(bob.UserId!.Value, null));
        });

        harness.CurrentUser.Actor = alice;
        var ended = await harness.InScopeAsync(sp => sp.GetRequiredService<IProfileService>().SignOutOtherSessionsAsync(aliceHere));

        Assert.Equal(1, ended);
        var alive = await harness.InScopeAsync(async sp =>
        {
            var sessions = sp.GetRequiredService<SessionService>();
            return (Here: await sessions.IsAliveAsync(aliceHere, alice.UserId!.Value, false), There: await sessions.IsAliveAsync(aliceThere, alice.UserId!.Value, false),
                Bob: await sessions.IsAliveAsync(bobs, bob.UserId!.Value, false));
        });
        Assert.Equal((true, false, true), alive);
    }

    private static Task<string?> KeyAsync(InfrastructureHarness harness, Actor actor) =>
        harness.AsSystemAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<OpsUser>>();
            return await users.GetAuthenticatorKeyAsync((await users.FindByIdAsync(actor.UserId!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))!);
        });
}
