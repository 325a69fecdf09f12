using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// Walks the whole catalogue. For every code: a user holding only that code is allowed by the guard,
/// its service and its menu; a user holding every other code is refused by all three.
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
        var holder = await harness.UserAsync($"has.{code}", roles: [await harness.RoleAsync($"only.{code}", DataScope.All, null, code)]);
        var others = await harness.UserAsync($"lacks.{code}", roles: [await harness.RoleAsync($"all.but.{code}", DataScope.All, null, everyOther)]);

        Assert.True(await CheckAsync(harness, holder, code), $"{code}: holder refused");
        Assert.False(await CheckAsync(harness, others, code), $"{code}: non-holder allowed");
    }

    [Fact]
    public void EveryBuiltModuleCode_HasAServiceProbe()
    {
        string[] builtModules = [SystemPermissions.Module];
        var built = PermissionCatalog.All.Where(p => builtModules.Contains(p.Module) && p.Type != PermissionType.Api
            && p.Code != SystemPermissions.Root)
            .Concat(PermissionCatalog.All.Where(p => p.Code.StartsWith("audit.login_logs.", StringComparison.Ordinal)));

        Assert.All(built, p => Assert.True(PermissionProbes.ByCode.ContainsKey(p.Code), $"no probe for {p.Code}"));
    }

    [Fact]
    public void EveryPagePolicy_AndMenuEntry_NamesACatalogueCode()
    {
        var codes = PermissionCatalog.All.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var pagePolicies = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && t.GetCustomAttributes<RouteAttribute>().Any())
            .SelectMany(t => t.GetCustomAttributes<AuthorizeAttribute>())
            .Select(a => a.Policy).OfType<string>()
            .ToList();

        Assert.NotEmpty(pagePolicies);
        Assert.All(pagePolicies, p => Assert.Contains(p[Policies.Prefix.Length..], codes));
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
            if (PermissionProbes.ByCode.TryGetValue(code, out var probe))
            {
                var refused = false;
                try
                {
                    await probe(sp);
                }
                catch (ForbiddenException)
                {
                    refused = true;
                }

                Assert.True(allowed != refused, $"{code}: guard says {allowed}, service refused={refused}");
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

        public async ValueTask InitializeAsync() => Harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);

        public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
    }
}
