using Ops.Domain.Auth;

namespace Ops.Domain.Tests.Auth;

public sealed class UserInputRulesTests
{
    private static UserInput Input(string userName = "li.lei") =>
        new(userName, "Li Lei", null, null, null, [], null, [], true, false, false, false);

    [Fact]
    public void Validate_AWellFormedUser_Passes() => Assert.True(UserInputRules.Validate(Input()).IsSuccess);

    [Fact]
    public void Validate_ABadEmail_IsRefusedOnTheEmailField()
    {
        var error = UserInputRules.Validate(Input() with { Email = "not an address" }).Error;

        Assert.Equal(("auth.profile.email_invalid", "profile.email"), (error?.Code, error?.Field));
    }

    [Fact]
    public void Validate_AnOverlongUserName_IsRefused() =>
        Assert.Equal("common.too_long", UserInputRules.Validate(Input(new string('a', UserInputRules.UserNameMaxLength + 1))).Error?.Code);

    [Fact]
    public void Validate_ACustomScopeWithoutDepartments_IsRefused() =>
        Assert.Equal("auth.data_scope.custom_empty", UserInputRules.Validate(Input() with { DataScope = DataScope.Custom }).Error?.Code);

    [Fact]
    public void Validate_AnOverlongSsoId_IsRefusedOnItsField() =>
        Assert.Equal("field.wecom_id", UserInputRules.Validate(Input() with { WeComId = new string('w', UserInputRules.SsoIdMaxLength + 1) }).Error?.Field);

    [Fact]
    public void ChangesSsoIds_ComparesTheTrimmedIds()
    {
        var input = Input() with { WeComId = " wx1 " };

        Assert.False(UserInputRules.ChangesSsoIds(input, "wx1", null, null));
        Assert.True(UserInputRules.ChangesSsoIds(input, null, null, null));
    }
}
