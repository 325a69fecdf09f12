using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Scheduler.Execution;
using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.Common;

/// <summary>
/// One egress policy for every outbound HTTP client: the portal's own machine, link-local networks and cloud metadata
/// are refused after DNS and on every redirect, unless an admin allows them; deny entries win over everything.
/// </summary>
public sealed class EgressTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("169.254.169.254")]
    [InlineData("100.100.100.200")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    public void LoopbackLinkLocalAndMetadata_AreRefusedByDefault(string address) =>
        Assert.False(new EgressPolicy(new EgressOptions()).Permits("any.host", IPAddress.Parse(address)));

    [Fact]
    public void IntranetAddresses_AreAllowed_DenyEntriesWin_AllowEntriesOpenRefusedOnes()
    {
        var policy = new EgressPolicy(new EgressOptions
        {
            Deny = ["10.9.0.0/16", "*.forbidden.corp"],
            Allow = ["127.0.0.5", "10.9.1.1", "sidecar.local"],
        });

        Assert.True(policy.Permits("erp.corp", IPAddress.Parse("10.1.2.3")));
        Assert.True(policy.Permits("erp.corp", IPAddress.Parse("192.168.1.10")));
        Assert.False(policy.Permits("erp.corp", IPAddress.Parse("10.9.1.1")));
        Assert.False(policy.Permits("api.forbidden.corp", IPAddress.Parse("10.1.2.3")));
        Assert.True(policy.Permits("x", IPAddress.Parse("127.0.0.5")));
        Assert.True(policy.Permits("sidecar.local", IPAddress.Parse("127.0.0.1")));
        Assert.False(policy.Permits("x", IPAddress.Parse("127.0.0.6")));
        Assert.Throws<InvalidOperationException>(() => new EgressPolicy(new EgressOptions { Allow = ["not a host/x"] }));
    }

    [Fact]
    public async Task AnHttpJob_CannotReachThePortalsMachine_AndLearnsNothingOfIt()
    {
        await using var target = await HttpTarget.StartAsync();
        await using var host = await SchedulerHost.StartAsync(settings: TestEgress.Strict);

        var run = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(Http($"{target.BaseUrl}/ok"))));
        var named = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(Http(target.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal) + "/ok"))));

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Contains("egress policy", run.Error, StringComparison.Ordinal);
        Assert.Equal(JobRunStatus.Failed, named.Status);
        Assert.Empty(target.Hits);
    }

    [Fact]
    public async Task ARedirectFromAnAllowedHost_ToARefusedOne_IsNotFollowed()
    {
        await using var target = await HttpTarget.StartAsync();
        await using var redirector = await RedirectorAsync($"{target.BaseUrl}/ok");
        var settings = TestEgress.Strict.ToDictionary(kv => kv.Key, kv => kv.Value);
        settings["Egress:Allow:0"] = "127.0.0.2";
        await using var host = await SchedulerHost.StartAsync(settings: settings);

        var address = redirector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var run = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(Http(address))));

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.Contains("egress policy", run.Error, StringComparison.Ordinal);
        Assert.Empty(target.Hits);
    }

    [Fact]
    public async Task EveryOutboundClientOfThePortal_GoesThroughThePolicy()
    {
        await using var target = await HttpTarget.StartAsync();
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, settings: TestEgress.Strict);
        var clients = harness.Services.GetRequiredService<IHttpClientFactory>();
        string[] names = ["", HttpJobExecutor.ClientName, ApprovalCallbackDelivery.HttpClientName, "WebhookSender", "SmsGatewaySender", "DingTalk", "Feishu", "WeCom", "Oidc"];

        foreach (var name in names)
        {
            var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => clients.CreateClient(name).GetAsync($"{target.BaseUrl}/ok"));
            Assert.True(IsEgressRefusal(refused), $"client '{name}': {refused}");
        }

        Assert.Empty(target.Hits);
    }

    [Fact]
    public async Task DataSourceConnections_AndTheSmtpSender_GoThroughThePolicyToo()
    {
        await using var smtp = SmtpReceiver.Start();
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite, settings: TestEgress.Strict);
        var tested = await harness.AsSystemAsync(async sp =>
        {
            var sources = sp.GetRequiredService<IDataSourceService>();
            var id = (await sources.CreateAsync(new DataSourceInput("local", DataSourceType.MySql, "127.0.0.1", 6379, "x", "u", null, null, true))).Value;
            return (await sources.TestAsync(id)).Value;
        });
        var sent = await harness.AsSystemAsync(async sp =>
        {
            await sp.GetRequiredService<SettingsStore>().SetAsync(SmtpSettings.Key, "email",
                new SmtpSettings("127.0.0.1", smtp.Port, SmtpTls.None, null, null, "ops@ops.example", null), encrypt: true);
            var email = sp.GetServices<IMessageSender>().Single(s => s.Channel == MessageChannel.Email);
            var message = new MessageLog(MessageChannel.Email, "a@ops.example", null, null, "s", "c", null, null, null, DateTimeOffset.UtcNow);
            return await Record.ExceptionAsync(() => email.SendAsync(message, CancellationToken.None));
        });

        Assert.False(tested.Ok);
        Assert.Contains("egress policy", tested.Message, StringComparison.Ordinal);
        Assert.True(IsEgressRefusal(sent), sent?.ToString());
        Assert.Empty(smtp.Messages);
    }

    private static bool IsEgressRefusal(Exception? error) => error is not null && (error is EgressRefusedException || IsEgressRefusal(error.InnerException));

    private static JobInput Http(string url) =>
        new($"http {Guid.NewGuid():N}", null, JobType.Http, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new HttpJobConfig("GET", url)), TimeoutSeconds: 30);

    /// <summary>A real server on 127.0.0.2 that answers every request with a redirect.</summary>
    private static async Task<WebApplication> RedirectorAsync(string location)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.2:0");
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.Redirect(location);
            return Task.CompletedTask;
        });
        await app.StartAsync();
        return app;
    }
}
