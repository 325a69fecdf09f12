using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Auth;

/// <summary>The role grant tree offers only what exists: every menu code opens a page of the portal, every API code an endpoint.</summary>
public sealed class PermissionRoutesTests
{
    private static readonly string[] PageRoutes = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
        .Select(r => r.Template)
        .ToArray();

    [Fact]
    public void EveryMenuCode_OpensAPageThatExists()
    {
        var menus = PermissionCatalog.All.Where(p => p.Type == PermissionType.Menu && p.Path is not null).ToList();

        Assert.NotEmpty(menus);
        Assert.All(menus, m => Assert.True(PageRoutes.Contains(m.Path, StringComparer.OrdinalIgnoreCase), $"{m.Code} offers {m.Path}, which no page answers"));
    }

    [Fact]
    public void TheCodesOfUnbuiltModules_AreNotSeeded()
    {
        string[] unbuilt = [ReportPermissions.Reports.Subscribe, ConfigPermissions.Tables.View, ConfigPermissions.Settings.View, AuditPermissions.Logs.View, AuditPermissions.Alerts.View];

        Assert.All(unbuilt, code => Assert.Null(PermissionCatalog.Find(code)));
    }

    [Fact]
    public async Task EveryApiCode_NamesAnEndpointThatExists()
    {
        var apis = PermissionCatalog.All.Where(p => p.Type == PermissionType.Api).ToList();
        if (apis.Count == 0)
        {
            return;
        }

        await using var factory = new OpsWebFactory();
        _ = factory.Server;
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(method => $"{method} {e.RoutePattern.RawText?.TrimEnd('/')}"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(apis, a => Assert.True(endpoints.Contains($"{a.HttpMethod} {a.Path}"), $"{a.Code} offers {a.HttpMethod} {a.Path}, which no endpoint answers"));
    }
}
