using Ops.Domain.Auth;

namespace Ops.Domain.Tests.Auth;

public sealed class DataScopeRulesTests
{
    private static readonly Dictionary<long, long[]> Tree = new() { [1] = [1, 2, 3], [2] = [2, 3], [3] = [3], [4] = [4] };

    private static DataScopeFilter Resolve(long? department, params DataScopeGrant[] grants) =>
        DataScopeRules.Resolve(99, department, grants, id => Tree[id]);

    [Fact]
    public void NoGrant_MeansOwnRowsOnly()
    {
        var filter = Resolve(2);

        Assert.False(filter.All);
        Assert.Empty(filter.DepartmentIds);
        Assert.True(filter.Allows(departmentId: 3, ownerUserId: 99));
        Assert.False(filter.Allows(departmentId: 2, ownerUserId: 5));
    }

    [Fact]
    public void Department_AndDepartmentAndChildren_FollowTheUsersDepartment()
    {
        Assert.Equal([2], Resolve(2, DataScopeGrant.Of(DataScope.Department)).DepartmentIds);
        Assert.Equal([2, 3], Resolve(2, DataScopeGrant.Of(DataScope.DepartmentAndChildren)).DepartmentIds.Order());
    }

    [Fact]
    public void WithoutADepartment_DepartmentScopesAddNothing() =>
        Assert.Empty(Resolve(null, DataScopeGrant.Of(DataScope.DepartmentAndChildren)).DepartmentIds);

    [Fact]
    public void GrantsAddUp_AndAllWins()
    {
        var custom = new DataScopeGrant(DataScope.Custom, [4]);

        Assert.Equal([2, 4], Resolve(2, DataScopeGrant.Of(DataScope.Department), custom).DepartmentIds.Order());
        Assert.True(Resolve(2, custom, DataScopeGrant.Of(DataScope.All)).All);
    }

    [Theory]
    [InlineData("3, 1,x,,2,3", "1,2,3")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void CustomIds_RoundTrip(string? stored, string? formatted) =>
        Assert.Equal(formatted, DataScopeGrant.FormatIds(DataScopeGrant.ParseIds(stored)));
}
