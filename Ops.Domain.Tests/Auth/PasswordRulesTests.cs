using Ops.Domain.Auth;

namespace Ops.Domain.Tests.Auth;

public sealed class PasswordRulesTests
{
    [Theory]
    [InlineData("", "new password", "new password", "account.change_password.required")]
    [InlineData("old password", "", "", "account.change_password.required")]
    [InlineData("old password", "new password", "new passwort", "account.change_password.mismatch")]
    [InlineData("old password", "old password", "old password", "account.change_password.same")]
    [InlineData("old password", "short", "short", "auth.password.too_short")]
    public void CheckChange_RefusesWithTheReason(string current, string next, string confirmation, string code) =>
        Assert.Equal(code, PasswordRules.CheckChange(current, next, confirmation).Error?.Code);

    [Fact]
    public void CheckChange_ANewConfirmedPasswordOfTheRightLength_Passes() =>
        Assert.True(PasswordRules.CheckChange("old password", "new password", "new password").IsSuccess);

    [Fact]
    public void CheckChange_AnOverlongPassword_IsRefusedWithTheLimit()
    {
        var overlong = new string('x', PasswordRules.MaxLength + 1);

        var error = PasswordRules.CheckChange("old password", overlong, overlong).Error;

        Assert.Equal(("auth.password.too_long", PasswordRules.MaxLength), (error?.Code, (int)error!.Args[0]));
    }

    [Theory]
    [InlineData(7, false)]
    [InlineData(8, true)]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void CheckLength_AcceptsEightTo128Characters(int length, bool accepted) =>
        Assert.Equal(accepted, PasswordRules.CheckLength(new string('x', length)).IsSuccess);
}
