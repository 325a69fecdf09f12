using Ops.Domain.Auth;

namespace Ops.Domain.Tests.Auth;

public sealed class UserAccessRulesTests
{
    private const long Caller = 5;

    private static readonly UserAccessRules.Target Existing = new(9, false, true, false, DataScope.Department, null, null, null, null);

    private static UserInput Input(params long[] roles) =>
        new("li.lei", "Li Lei", null, null, null, roles, DataScope.Department, [], true, false, false, false);

    private static string? Check(UserAccessRules.Target user, UserInput input, long[]? current = null, params string[] held) =>
        UserAccessRules.Check(user, input, current ?? [], Caller, held.Contains).Error?.Code;

    [Fact]
    public void AnOrdinaryEdit_ByAnAdministrator_Passes() => Assert.Null(Check(Existing, Input(1), [1]));

    [Fact]
    public void Superusers_AreMadeAndEditedOnlyBySuperusers()
    {
        Assert.Equal("auth.user.superuser_only", Check(Existing, Input() with { IsSuperuser = true }));
        Assert.Equal("auth.user.superuser_only", Check(Existing with { IsSuperuser = true }, Input()));
    }

    [Fact]
    public void NobodyChangesTheirOwnRolesOrDataScope_ButMayEditTheRest()
    {
        var self = Existing with { Id = Caller };

        Assert.Equal("auth.user.own_access", Check(self, Input(1, 2), [1]));
        Assert.Equal("auth.user.own_access", Check(self, Input(), [1]));
        Assert.Equal("auth.user.own_access", Check(self, Input(1) with { DataScope = DataScope.All }, [1]));
        Assert.Null(Check(self, Input(1) with { RealName = "Lei Li" }, [1]));
    }

    [Fact]
    public void SsoLinks_AreChangedOnlyBySuperusers() =>
        Assert.Equal("auth.user.sso_ids_superuser_only", Check(Existing, Input() with { WeComId = "wx-1" }));

    [Fact]
    public void EnablingOrDisabling_TakesItsRight_AndApprovingARegistrationTakesThatRight()
    {
        Assert.Equal("common.forbidden", Check(Existing, Input() with { IsActive = false }));
        Assert.Null(Check(Existing, Input() with { IsActive = false }, null, SystemPermissions.Users.Enable));

        var pending = Existing with { IsActive = false, PendingApproval = true };
        Assert.Equal("common.forbidden", Check(pending, Input(), null, SystemPermissions.Users.Enable));
        Assert.Null(Check(pending, Input(), null, SystemPermissions.Users.ApproveRegistration));
    }

    [Fact]
    public void ANewUser_IsCreatedActive_WithoutTheEnableRight() => Assert.Null(Check(Existing with { Id = 0, IsActive = false }, Input()));

    [Fact]
    public void ACustomScope_ChangesWhenItsDepartmentsDo()
    {
        var custom = Existing with { DataScope = DataScope.Custom, DataScopeDepartments = DataScopeGrant.FormatIds([3, 4]) };

        Assert.False(UserAccessRules.ScopeChanged(custom, Input() with { DataScope = DataScope.Custom, CustomDepartmentIds = [4, 3] }));
        Assert.True(UserAccessRules.ScopeChanged(custom, Input() with { DataScope = DataScope.Custom, CustomDepartmentIds = [3] }));
        Assert.Equal([2L], UserAccessRules.AddedRoles(Input(1, 2), [1, 7]));
    }
}
