using System.Globalization;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>E-mail through a real SMTP server.</summary>
public sealed class EmailChannelTests
{
    [Fact]
    public async Task Email_ArrivesWithTheRenderedSubjectAndEscapedBody_InTheRecipientsLanguage()
    {
        await using var smtp = SmtpReceiver.Start();
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.050" });
        _ = factory.CreateClient();
        await using (var scope = factory.Services.CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(SmtpSettings.Key, "email",
                new SmtpSettings("127.0.0.1", smtp.Port, SmtpTls.None, null, null, "ops@ops.example", "Ops 运维平台"), encrypt: true);
            await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                "job.failed", "任务失败", MessageChannel.Email, "任务 ${job} 失败", "<p>${job}：${error}</p>", "Job ${job} failed", "<p>${job}: ${error}</p>",
                [new TemplateParameter("job", null, null), new TemplateParameter("error", null, null)], true));
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ops.Infrastructure.Auth.OpsUser>>();
            var english = new Ops.Infrastructure.Auth.OpsUser { UserName = "ann", Email = "ann@ops.example", IsActive = true, PreferredCulture = "en-US" };
            var chinese = new Ops.Infrastructure.Auth.OpsUser { UserName = "li", Email = "li@ops.example", IsActive = true };
            await users.CreateAsync(english);
            await users.CreateAsync(chinese);
            var queued = await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(new SendRequest(
                "job.failed", [english.Id, chinese.Id], [], new Dictionary<string, string?> { ["job"] = "nightly<backup>", ["error"] = "exit 1 & more" }));
            Assert.Equal(2, queued.Value);
        }

        for (var i = 0; i < 200 && smtp.Messages.Count < 2; i++)
        {
            await Task.Delay(25);
        }

        var byRecipient = smtp.Messages.ToDictionary(m => m.To.Mailboxes.Single().Address);
        Assert.Equal("Job nightly<backup> failed", byRecipient["ann@ops.example"].Subject);
        Assert.Equal("<p>nightly&lt;backup&gt;: exit 1 &amp; more</p>", byRecipient["ann@ops.example"].HtmlBody!.Trim());
        Assert.Equal("任务 nightly<backup> 失败", byRecipient["li@ops.example"].Subject);
        Assert.Equal("ops@ops.example", byRecipient["li@ops.example"].From.Mailboxes.Single().Address);
    }
}
