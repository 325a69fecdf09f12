using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// Walks the whole catalogue. For every code: a user holding only that code (plus what its probes need to get that
/// far) is allowed by the guard, by every service method that demands it and by its menu; a user holding every other
/// code is refused by all of them.
/// </summary>
public sealed class PermissionMatrixTests(PermissionMatrixTests.Fixture fixture) : IClassFixture<PermissionMatrixTests.Fixture>
{
    public static TheoryData<string> Codes => [.. PermissionCatalog.All.Select(p => p.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public async Task OnlyTheHolder_PassesGuardServiceAndMenu(string code)
    {
        var harness = fixture.Harness;
        var everyOther = PermissionCatalog.All.Select(p => p.Code).Where(c => c != code && !PermissionProbes.SharedReads.GetValueOrDefault(code, []).Contains(c)).ToArray();
        var needs = PermissionProbes.ByCode[code].SelectMany(p => p.Also).Append(code).Distinct(StringComparer.Ordinal).ToArray();
        var holder = await harness.UserAsync($"has.{code}", roles: [await harness.RoleAsync($"only.{code}", DataScope.All, null, needs)]);
        var others = await harness.UserAsync($"lacks.{code}", roles: [await harness.RoleAsync($"all.but.{code}", DataScope.All, null, everyOther)]);

        Assert.True(await CheckAsync(harness, holder, code), $"{code}: holder refused");
        Assert.False(await CheckAsync(harness, others, code), $"{code}: non-holder allowed");
    }

    /// <summary>
    /// Every menu and button code the catalogue seeds is demanded by a service method (its probe proves the demand in
    /// the theory above): a code nothing checks would be a grant that opens nothing. API codes are routes onto the same
    /// services (<see cref="PermissionRoutesTests"/> holds them to existing endpoints); module roots only group the tree.
    /// </summary>
    [Fact]
    public void EverySeededCode_IsDemandedByAService()
    {
        var roots = PermissionCatalog.All.Where(p => p.ParentCode is null).Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var codes = PermissionCatalog.All.Where(p => p.Type != PermissionType.Api && !roots.Contains(p.Code)).Select(p => p.Code).ToList();

        Assert.All(codes, c => Assert.True(PermissionProbes.ByCode.Contains(c), $"nothing demands {c}: seed it with the page or service that uses it"));
        Assert.All(PermissionProbes.All, p => Assert.NotNull(PermissionCatalog.Find(p.Code)));
        Assert.All(roots, r => Assert.Contains(PermissionCatalog.All, p => p.ParentCode == r));
    }

    [Fact]
    public void EveryPagePolicy_AndMenuEntry_NamesACatalogueCode()
    {
        var codes = PermissionCatalog.All.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var pagePolicies = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>())
            .Select(a => a.Policy).OfType<string>()
            .SelectMany(Policies.CodesOf)
            .ToList();

        Assert.NotEmpty(pagePolicies);
        Assert.All(pagePolicies, p => Assert.Contains(p, codes));
        Assert.All(NavigationCatalog.Groups.SelectMany(g => g.Items).Select(i => i.Permission).OfType<string>(), p => Assert.Contains(p, codes));
    }

    /// <summary>Guard, service and menu must agree; a disagreement fails the test.</summary>
    private static async Task<bool> CheckAsync(InfrastructureHarness harness, Actor actor, string code)
    {
        harness.CurrentUser.Actor = actor;
        return await harness.InScopeAsync(async sp =>
        {
            var guard = sp.GetRequiredService<IPermissionGuard>();
            var allowed = await guard.HasAsync(code);
            foreach (var probe in PermissionProbes.ByCode[code])
            {
                // Resolved outside the try: a service the harness cannot build must fail the test, not pass for "not refused".
                Assert.NotNull(sp.GetRequiredService(probe.Service));
                var refused = false;
                try
                {
                    await probe.Call(sp);
                }
                catch (ForbiddenException)
                {
                    refused = true;
                }
                catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
                {
                    // Past the guard and failed on the harmless input (an empty workbook, say): not a refusal.
                }

                Assert.True(allowed != refused, $"{code}: guard says {allowed}, {probe.Service.Name}.{probe.Method} refused={refused}");
            }

            var menu = NavigationCatalog.Groups.SelectMany(g => g.Items).FirstOrDefault(i => i.Permission == code);
            if (menu is not null)
            {
                var visible = (await NavigationCatalog.VisibleAsync(guard)).SelectMany(g => g.Items).Any(i => i.Href == menu.Href);
                Assert.True(allowed == visible, $"{code}: guard says {allowed}, menu visible={visible}");
            }

            return allowed;
        });
    }

    public sealed class Fixture : IAsyncLifetime
    {
        public InfrastructureHarness Harness { get; private set; } = default!;

        // The flow engine (behind the flow run service) needs the host's lifetime, which the bare harness has not got.
        public async ValueTask InitializeAsync() => Harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite,
            configure: s => s.AddSingleton<Microsoft.Extensions.Hosting.IHostApplicationLifetime, Microsoft.Extensions.Hosting.Internal.ApplicationLifetime>());

        public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
    }
}
