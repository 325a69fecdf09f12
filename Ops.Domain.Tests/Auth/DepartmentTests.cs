using Ops.Domain.Auth;
using Ops.Domain.Common;

namespace Ops.Domain.Tests.Auth;

public sealed class DepartmentTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Rename_RejectsEmptyName(string name)
    {
        var department = new Department("IT", "IT");

        var error = Assert.Throws<DomainException>(() => department.Rename(name));
        Assert.Equal("auth.department.name_invalid", error.Code);
    }

    [Fact]
    public void Constructor_RejectsOverlongCode() =>
        Assert.Throws<DomainException>(() => new Department("IT", new string('x', Department.CodeMaxLength + 1)));

    [Fact]
    public void PlaceUnder_BeforeSave_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new Department("IT", "IT").PlaceUnder(null));
}
