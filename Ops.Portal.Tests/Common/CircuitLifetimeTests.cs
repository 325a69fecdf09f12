using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace Ops.Portal.Tests.Common;

/// <summary>
/// A circuit lives as long as the browser tab, and so does every service its components inject. None of them may hold
/// a database context, directly or through Identity's managers: they create one per operation (a context factory, or a
/// short scope for Identity, as <c>UserService</c> and <c>RegistrationService</c> do).
/// </summary>
public sealed class CircuitLifetimeTests
{
    private static readonly Assembly[] Ours =
        [typeof(Ops.Domain.Common.ICurrentUser).Assembly, typeof(Ops.Infrastructure.Common.IEventBus).Assembly, typeof(Ops.Portal.Common.GridSorts).Assembly];

    [Fact]
    public async Task ServicesInjectedIntoInteractiveComponents_HoldNoDbContext()
    {
        IServiceCollection? registered = null;
        await using (await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, migrate: false, configure: s => registered = s))
        {
        }

        var injected = typeof(Ops.Portal.Common.GridSorts).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t) && !IsStaticAccountPage(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(p => p.IsDefined(typeof(InjectAttribute), inherit: true))
                .Select(p => (Component: t, Service: p.PropertyType)));

        var offenders = injected
            .Select(x => (x.Component, Path: PathToContext(x.Service, registered!, [])))
            .Where(x => x.Path is not null)
            .Select(x => $"{x.Component.Name}: {x.Path}")
            .Distinct()
            .ToList();

        Assert.True(offenders.Count == 0, "circuit-long services holding a context:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void TheWalk_FindsAContextBehindIdentitysManager()
    {
        var services = new ServiceCollection();
        services.AddScoped<HoldsAManager>();

        Assert.Equal("HoldsAManager → UserManager`1", PathToContext(typeof(HoldsAManager), services, []));
    }

    /// <summary>The account pages are static server rendering (a request, not a circuit), as the template has them.</summary>
    private static bool IsStaticAccountPage(Type type) => type.Namespace?.StartsWith("Ops.Portal.Components.Account", StringComparison.Ordinal) == true;

    private static string? PathToContext(Type type, IServiceCollection services, HashSet<Type> seen)
    {
        if (HoldsAContext(type))
        {
            return type.Name;
        }

        if (!seen.Add(type))
        {
            return null;
        }

        foreach (var implementation in Implementations(type, services))
        {
            var constructor = implementation.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
            foreach (var parameter in constructor?.GetParameters() ?? [])
            {
                if (PathToContext(parameter.ParameterType, services, seen) is { } path)
                {
                    return $"{type.Name} → {path}";
                }
            }
        }

        return null;
    }

    private static bool HoldsAContext(Type type) =>
        typeof(DbContext).IsAssignableFrom(type)
        || (type.IsGenericType && type.GetGenericTypeDefinition() is var open
            && (open == typeof(UserManager<>) || open == typeof(SignInManager<>) || open == typeof(RoleManager<>)
                || open == typeof(IUserStore<>) || open == typeof(IRoleStore<>)));

    private static IEnumerable<Type> Implementations(Type type, IServiceCollection services)
    {
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>))
        {
            type = type.GetGenericArguments()[0];
        }

        var registered = services.Where(d => d.ServiceType == type && !d.IsKeyedService && d.ImplementationType is not null)
            .Select(d => d.ImplementationType!).ToList();
        if (registered.Count > 0)
        {
            return registered;
        }

        // Not registered by the infrastructure (a portal service, say): our own concrete classes are walked as they are.
        return type.IsClass && !type.IsAbstract && Ours.Contains(type.Assembly) ? [type] : [];
    }

    private sealed class HoldsAManager(UserManager<Ops.Infrastructure.Auth.OpsUser> users)
    {
        public UserManager<Ops.Infrastructure.Auth.OpsUser> Users => users;
    }
}
