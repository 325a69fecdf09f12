namespace Ops.Portal.Tests.EndToEnd;

/// <summary>An administrator configures the webhook channel in the browser and sends a test that a real receiver gets.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChannelJourneyTests(BrowserFixture browser)
{
    [Fact]
    public async Task AdminConfiguresWebhook_SendsATest_AndTheSecretIsNeverShownAgain()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await browser.CreateUserAsync("channel.admin", "channel admin passphrase", superuser: true);
        var page = await browser.NewPageAsync();
        await page.SignInAsync("channel.admin", "channel admin passphrase");
        await page.WaitForURLAsync("**/dashboard");
        await page.GotoAsync("/message/channels");
        await page.WaitForInteractiveAsync();

        await page.ClickAsync("#channel-grid tr:has([data-channel-status='Webhook'])");
        await page.FillAsync("#channel-url", receiver.Url);
        await page.FillAsync("#channel-secret", "browser-secret");
        await page.ClickAsync("#channel-save");
        await page.WaitForSelectorAsync("[data-channel-status='Webhook'].mud-chip-color-success");
        Assert.Equal("", await page.InputValueAsync("#channel-secret"));

        await page.FillAsync("#channel-test-recipient", "default");
        await page.ClickAsync("#channel-test");
        await page.WaitForSelectorAsync("[data-channel-test='Webhook'].mud-success-text");
        var (_, headers, _) = Assert.Single(receiver.Received);
        Assert.True(headers.ContainsKey("X-Ops-Signature"));
        await page.Context.CloseAsync();
    }
}
