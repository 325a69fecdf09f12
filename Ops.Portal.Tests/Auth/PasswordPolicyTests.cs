using Microsoft.AspNetCore.Identity;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Auth;

public sealed class PasswordPolicyTests
{
    [Fact]
    public void TheCommonPasswordList_IsShipped() =>
        Assert.InRange(PasswordPolicyValidator.CommonPasswordCount, 9_000, 10_000);

    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("12345678", true)]
    [InlineData("qwertyuiop", true)]
    [InlineData("correct horse battery staple", false)]
    public void CommonPasswords_AreRecognized(string password, bool common) =>
        Assert.Equal(common, PasswordPolicyValidator.IsCommon(password));

    [Theory]
    [InlineData("short", "PasswordTooShort")]
    [InlineData("password1", "PasswordTooCommon")]
    [InlineData("the.user", "PasswordIsUserName")]
    public async Task BadPasswords_AreRefusedWithAReason(string password, string code)
    {
        var result = await ValidateAsync(password);

        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public async Task OverlongPassword_IsRefused()
    {
        var result = await ValidateAsync(new string('x', PasswordPolicyValidator.MaxLength + 1));

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooLong");
    }

    [Theory]
    [InlineData("eight ch")]
    [InlineData("alllowercaseletters")]
    [InlineData("空格 和 中文 也可以")]
    public async Task NoCompositionRules_AnyLongEnoughUncommonPasswordPasses(string password) =>
        Assert.True((await ValidateAsync(password)).Succeeded);

    [Fact]
    public async Task Hashes_UsePbkdf2With210000Iterations()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, migrate: false, new Dictionary<string, string?>
        {
            ["Auth:PasswordHashIterations"] = new AuthOptions().PasswordHashIterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var options = harness.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordHasherOptions>>().Value;

        Assert.Equal(210_000, options.IterationCount);
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, options.CompatibilityMode);
    }

    private static async Task<IdentityResult> ValidateAsync(string password)
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, migrate: false);
        return await harness.InScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<OpsUser>>();
            var user = new OpsUser { UserName = "the.user" };
            var errors = new List<IdentityError>();
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, user, password);
                errors.AddRange(result.Errors);
            }

            return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
        });
    }
}
