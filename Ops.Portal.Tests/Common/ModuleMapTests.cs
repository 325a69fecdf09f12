using System.Reflection;
using Microsoft.AspNetCore.Components;
using Ops.Domain.Auth;
using Ops.Infrastructure;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Common;

/// <summary>
/// The module ↔ route ↔ permission prefix map (the descriptors, and docs/architecture.md) holds in every layer: menu
/// entries, pages, permission codes and EF configurations all sit under the module that declares them, and every
/// module is registered in the domain, the infrastructure and the portal alike.
/// </summary>
public sealed class ModuleMapTests
{
    public static TheoryData<string, string, string> ExpectedMap => new()
    {
        { "Auth", "/system", "system" },
        { "Scheduler", "/scheduler", "scheduler" },
        { "Reports", "/report", "report" },
        { "Config", "/config", "config" },
        { "Approvals", "/workflow", "workflow" },
        { "Audit", "/audit", "audit" },
        { "Notifications", "/message", "message" },
    };

    [Theory]
    [MemberData(nameof(ExpectedMap))]
    public void Descriptor_NamesTheSpecsRouteAndPermissionPrefix(string module, string route, string permission)
    {
        var descriptor = Assert.Single(PermissionCatalog.Modules, m => m.Module.Name == module).Module;

        Assert.Equal(route, descriptor.RoutePrefix);
        Assert.Equal(permission, descriptor.PermissionPrefix);
    }

    [Fact]
    public void EveryMenuEntry_LiesUnderItsModulesRoutePrefix()
    {
        var strays = NavigationCatalog.Groups
            .SelectMany(g => g.Items.Select(i => (g.Module, i.Href)).Concat(g.Details.Select(d => (g.Module, Href: d.Prefix.TrimEnd('/')))))
            .Where(e => !e.Module.OwnsRoute(e.Href))
            .Select(e => $"{e.Module.Name}: {e.Href}");

        Assert.Empty(strays);
    }

    [Fact]
    public void EveryMenuPermission_IsACodeOfItsOwnModule()
    {
        var strays = NavigationCatalog.Groups
            .SelectMany(g => g.Items.Where(i => i.Permission is not null).Select(i => (g.Module, Code: i.Permission!)))
            .Where(e => !e.Module.OwnsPermission(e.Code))
            .Select(e => $"{e.Module.Name}: {e.Code}");

        Assert.Empty(strays);
    }

    [Fact]
    public void EveryPermissionCode_StartsWithItsModulesPrefix()
    {
        var strays = PermissionCatalog.Modules
            .SelectMany(m => m.Permissions.Select(p => (m.Module, p.Code, p.Module)))
            .Where(e => !e.Item1.OwnsPermission(e.Code) || e.Item3 != e.Item1.PermissionPrefix)
            .Select(e => $"{e.Item1.Name}: {e.Code}");

        Assert.Empty(strays);
    }

    [Fact]
    public void EveryDeclaredCode_EvenOneNotSeededYet_StartsWithItsModulesPrefix()
    {
        var classes = typeof(PermissionCatalog).Assembly.GetTypes()
            .Where(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.PropertyType == typeof(ModuleDescriptor))
            .ToList();
        Assert.Equal(PermissionCatalog.Modules.Count, classes.Count);

        var strays = classes.SelectMany(c =>
        {
            var module = (ModuleDescriptor)c.GetProperty("Descriptor")!.GetValue(null)!;
            return c.GetNestedTypes().Prepend(c)
                .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.FieldType == typeof(string)))
                .Select(f => (string)f.GetRawConstantValue()!)
                .Where(code => !module.OwnsPermission(code))
                .Select(code => $"{c.Name}: {code}");
        });

        Assert.Empty(strays);
    }

    [Fact]
    public void EveryPageInAModuleFolder_IsRoutedUnderThatModule()
    {
        var modules = PermissionCatalog.Modules.Select(m => m.Module).ToDictionary(m => m.Name);
        var pages = typeof(NavigationCatalog).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Ops.Portal.Components.Pages.", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (Folder: t.Namespace!.Split('.')[4], r.Template)))
            .ToList();
        Assert.NotEmpty(pages);

        var strays = pages.Where(p => !modules.TryGetValue(p.Folder, out var module) || !module.OwnsRoute(p.Template))
            .Select(p => $"{p.Folder}: {p.Template}");

        Assert.Empty(strays);
    }

    [Fact]
    public void EveryModule_IsRegisteredInEveryLayer()
    {
        var domain = PermissionCatalog.Modules.Select(m => m.Module).ToList();

        Assert.Equal(domain, OpsModules.All.Select(m => m.Descriptor).OrderBy(m => domain.IndexOf(m)));
        Assert.All(NavigationCatalog.Groups, g => Assert.Contains(g.Module, domain));
        Assert.Equal(domain.Count, domain.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void EveryEntityConfiguration_LivesInExactlyOneModuleOrTheSharedPersistence()
    {
        var roots = OpsModules.All.Select(m => $"Ops.Infrastructure.{m.Descriptor.Name}").Append("Ops.Infrastructure.Persistence").ToList();
        var configurations = typeof(OpsModules).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEntityTypeConfiguration<>)))
            .ToList();
        Assert.NotEmpty(configurations);

        var strays = configurations.Where(t => roots.Count(r => Ops.Infrastructure.Common.Modules.ModuleConfigurations.InNamespace(t, r)) != 1)
            .Select(t => t.FullName);

        Assert.Empty(strays);
    }
}
