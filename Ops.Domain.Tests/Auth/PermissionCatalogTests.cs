using Ops.Domain.Auth;

namespace Ops.Domain.Tests.Auth;

public sealed class PermissionCatalogTests
{
    [Fact]
    public void Catalog_IsValid() => Assert.Empty(PermissionCatalog.Validate(PermissionCatalog.All));

    [Fact]
    public void Catalog_CodesAreUnique() =>
        Assert.Equal(PermissionCatalog.All.Count, PermissionCatalog.All.Select(p => p.Code).Distinct(StringComparer.Ordinal).Count());

    [Fact]
    public void Catalog_EveryParentExists()
    {
        var codes = PermissionCatalog.All.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);

        Assert.All(PermissionCatalog.All.Where(p => p.ParentCode is not null), p => Assert.Contains(p.ParentCode!, codes));
    }

    [Fact]
    public void Catalog_CodesStartWithTheirModule() =>
        Assert.All(PermissionCatalog.All, p => Assert.StartsWith(p.Module, p.Code, StringComparison.Ordinal));

    [Fact]
    public void Catalog_ApiPermissionsNameTheirMethod() =>
        Assert.All(PermissionCatalog.All.Where(p => p.Type == PermissionType.Api), p => Assert.False(string.IsNullOrEmpty(p.HttpMethod)));

    [Fact]
    public void Find_ReturnsDefinitionOrNull()
    {
        Assert.Equal(PermissionType.Menu, PermissionCatalog.Find(SystemPermissions.Permissions.View)!.Type);
        Assert.Null(PermissionCatalog.Find("no.such.code"));
    }

    [Fact]
    public void Validate_ReportsDuplicateCodes()
    {
        PermissionDefinition[] catalog = [Def("a"), Def("a")];

        Assert.Contains(PermissionCatalog.Validate(catalog), p => p.Contains("duplicate code 'a'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsUnknownParent()
    {
        PermissionDefinition[] catalog = [Def("a", "missing")];

        Assert.Contains(PermissionCatalog.Validate(catalog), p => p.Contains("unknown parent 'missing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReportsParentCycle()
    {
        PermissionDefinition[] catalog = [Def("a", "b"), Def("b", "a")];

        Assert.Contains(PermissionCatalog.Validate(catalog), p => p.Contains("cycle", StringComparison.Ordinal));
    }

    [Fact]
    public void Permission_UpdateFrom_ReportsChangesAndRevivesRetired()
    {
        var permission = Permission.From(Def("a"));
        Assert.False(permission.UpdateFrom(Def("a")));

        permission.Retire();
        Assert.True(permission.IsRetired);
        Assert.True(permission.UpdateFrom(Def("a")));
        Assert.False(permission.IsRetired);
        Assert.True(permission.UpdateFrom(Def("a") with { Path = "/x" }));
    }

    private static PermissionDefinition Def(string code, string? parent = null) =>
        new(code, "perm." + code, PermissionType.Menu, "a", parent);
}
