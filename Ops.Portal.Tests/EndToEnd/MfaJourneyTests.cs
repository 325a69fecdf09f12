using Microsoft.Playwright;
using Ops.Domain.Auth;

namespace Ops.Portal.Tests.EndToEnd;

[Collection(BrowserCollection.Name)]
public sealed class MfaJourneyTests(BrowserFixture browser)
{
    private const string Password = "second factor passphrase";

    [Fact]
    public async Task Totp_EnrolSignOutSignInWithCode_AndARecoveryCodeWorksOnce()
    {
        await browser.CreateUserAsync("mfa.user", Password);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("mfa.user", Password);
        await page.WaitForURLAsync("**/dashboard");

        await page.GotoAsync("/Account/Manage/EnableAuthenticator");
        var key = await page.InnerTextAsync("#mfa-key");
        var enrolledAt = DateTimeOffset.UtcNow;
        await page.FillAsync("#Input\\.Code", Code(key, enrolledAt));
        await page.ClickAsync("#mfa-confirm");
        await page.WaitForSelectorAsync("#mfa-enabled");
        var codes = await page.Locator("#recovery-codes code").AllInnerTextsAsync();
        Assert.Equal(10, codes.Count);

        await SignOutAsync(page);
        await page.SignInAsync("mfa.user", Password);
        await page.WaitForURLAsync("**/Account/LoginWithMfa**");
        await page.FillAsync("#Input\\.Code", "000000");
        await page.ClickAsync("#mfa-submit");
        Assert.Contains("not valid", await page.InnerTextAsync("#status-message"), StringComparison.Ordinal);
        // The enrolment code is spent; the app's next code (accepted within the window) signs in.
        await page.FillAsync("#Input\\.Code", Code(key, enrolledAt));
        await page.ClickAsync("#mfa-submit");
        Assert.Contains("not valid", await page.InnerTextAsync("#status-message"), StringComparison.Ordinal);
        await page.FillAsync("#Input\\.Code", Code(key, enrolledAt.AddSeconds(TotpCodes.StepSeconds)));
        await page.ClickAsync("#mfa-submit");
        await page.WaitForURLAsync("**/dashboard");

        await SignOutAsync(page);
        await SignInWithRecoveryCodeAsync(page, codes[0]);
        await page.WaitForURLAsync("**/dashboard");

        await SignOutAsync(page);
        await SignInWithRecoveryCodeAsync(page, codes[0]);
        Assert.Contains("not valid", await page.InnerTextAsync("#status-message"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static string Code(string key, DateTimeOffset at) =>
        TotpCodes.Compute(TotpCodes.FromBase32(key), at.ToUnixTimeSeconds() / TotpCodes.StepSeconds);

    private static async Task SignInWithRecoveryCodeAsync(IPage page, string code)
    {
        await page.SignInAsync("mfa.user", Password);
        await page.WaitForURLAsync("**/Account/LoginWithMfa**");
        await page.ClickAsync("#use-recovery");
        await page.WaitForURLAsync("**recovery=true**");
        await page.WaitForSelectorAsync("label[for='Input.Code']:has-text('Recovery code')");
        await page.FillAsync("#Input\\.Code", code);
        await page.ClickAsync("#mfa-submit");
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/dashboard");
        await page.WaitForInteractiveAsync();
        await page.ClickAsync("#user-menu button");
        await page.ClickAsync(".ops-logout");
        await page.WaitForSignInPageAsync();
    }
}
