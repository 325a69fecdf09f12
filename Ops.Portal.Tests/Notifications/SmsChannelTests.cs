using System.Text.Json.Nodes;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>SMS through a configurable HTTP gateway, checked at a real receiver.</summary>
public sealed class SmsChannelTests
{
    [Fact]
    public async Task SmsGateway_ReceivesTheBodyTemplate_FilledAndJsonEscaped_AndSigned()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" });
        _ = factory.CreateClient();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(SmsGatewaySettings.Key, "sms",
                new SmsGatewaySettings(receiver.Url, "POST", """{"to":"${phone}","text":"${content}","sign":"运维"}""", "sms-secret"), encrypt: true);
            await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                "otp", "验证码", MessageChannel.Sms, null, "验证码 ${code}，\"5 分钟\"内有效", null, null, [new TemplateParameter("code", null, null)], true));
            var queued = await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
                new SendRequest("otp", [], ["13800000000"], new Dictionary<string, string?> { ["code"] = "482913" }));
            Assert.Equal(1, queued.Value);
        }

        for (var i = 0; i < 200 && receiver.Received.IsEmpty; i++)
        {
            await Task.Delay(25);
        }

        var (body, headers, _) = Assert.Single(receiver.Received);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("13800000000", (string?)json["to"]);
        Assert.Equal("验证码 482913，\"5 分钟\"内有效", (string?)json["text"]);
        Assert.Equal("运维", (string?)json["sign"]);
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            "sms-secret"u8, System.Text.Encoding.UTF8.GetBytes($"{headers["X-Ops-Timestamp"]}.{body}")));
        Assert.Equal(expected, headers["X-Ops-Signature"]);
    }

    [Fact]
    public async Task FormGateway_PercentEncodesValues_SoContentCannotAddFields()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" });
        _ = factory.CreateClient();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(SmsGatewaySettings.Key, "sms",
                new SmsGatewaySettings(receiver.Url, "POST", "to=${phone}&text=${content}", null, "application/x-www-form-urlencoded"), encrypt: true);
            await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                "note", "提醒", MessageChannel.Sms, null, "${text}", null, null, [new TemplateParameter("text", null, null)], true));
            await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
                new SendRequest("note", [], ["13800000000"], new Dictionary<string, string?> { ["text"] = "hi&to=19000000000" }));
        }

        for (var i = 0; i < 200 && receiver.Received.IsEmpty; i++)
        {
            await Task.Delay(25);
        }

        var form = System.Web.HttpUtility.ParseQueryString(Assert.Single(receiver.Received).Body);
        Assert.Equal(["13800000000"], form.GetValues("to")!);
        Assert.Equal("hi&to=19000000000", form["text"]);
    }
}
