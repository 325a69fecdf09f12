using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Config;
using Ops.Infrastructure.Notifications;

namespace Ops.Benchmarks;

/// <summary>
/// Outbox throughput: N webhook messages queued through the send API, then the time until a local
/// Kestrel receiver has all of them (signed, one HTTP POST each, every attempt recorded).
/// </summary>
internal static class OutboxBench
{
    public static async Task RunAsync(int count)
    {
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.Logging.ClearProviders();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = receiverBuilder.Build();
        var arrived = 0;
        var done = new TaskCompletionSource();
        receiver.MapPost("/hook", () =>
        {
            if (Interlocked.Increment(ref arrived) == count)
            {
                done.TrySetResult();
            }

            return Results.Ok();
        });
        await receiver.StartAsync();
        var hook = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        var (app, _, cleanup) = await PortalBenchHost.StartAsync("outbox bench passphrase", new Dictionary<string, string?> { ["Outbox:PollInterval"] = "00:00:00.100" });
        try
        {
            await using (var scope = app.Services.CreateSystemScope())
            {
                await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(WebhookSettings.Key, "notification", new WebhookSettings(hook, "bench-secret", null), encrypt: true);
                await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                    "bench", "bench", MessageChannel.Webhook, null, "{\"text\":\"${text}\"}", null, null, [new TemplateParameter("text", null, null)], true));
            }

            var clock = Stopwatch.StartNew();
            const int perSend = 100;
            for (var sent = 0; sent < count; sent += perSend)
            {
                var addresses = Enumerable.Range(sent, Math.Min(perSend, count - sent)).Select(i => $"{hook}?n={i}").ToList();
                await using var scope = app.Services.CreateSystemScope();
                await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
                    new SendRequest("bench", [], addresses, new Dictionary<string, string?> { ["text"] = "load" }));
            }

            var queued = clock.Elapsed;
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            var total = clock.Elapsed;
            Console.WriteLine($"outbox: {count:N0} webhook messages queued in {queued.TotalSeconds:F2} s ({count / queued.TotalSeconds:F0}/s), " +
                $"all received after {total.TotalSeconds:F2} s: {count / total.TotalSeconds:F0} messages/s end to end");
        }
        finally
        {
            await cleanup();
            await receiver.StopAsync();
        }
    }
}
