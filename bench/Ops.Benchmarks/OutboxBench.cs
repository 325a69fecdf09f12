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
/// Kestrel receiver has all of them (signed, one HTTP POST each, every attempt recorded). Beside it, in the
/// same run, the baseline: the same number of POSTs of the same body sent straight with one HttpClient, one at
/// a time, to the same receiver; the portal's rate is printed as a ratio to it.
/// </summary>
internal static class OutboxBench
{
    private const int WarmUp = 1_000;

    public static async Task RunAsync(int count)
    {
        var receiverBuilder = WebApplication.CreateSlimBuilder();
        receiverBuilder.Logging.ClearProviders();
        receiverBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        var receiver = receiverBuilder.Build();
        var arrived = 0;
        var done = new TaskCompletionSource();
        var gate = new TaskCompletionSource();
        gate.SetResult();
        var drained = new TaskCompletionSource();
        receiver.MapPost("/hook", async () =>
        {
            // Held while the drain phase queues its messages, so that phase times the outbox alone.
            await gate.Task;

            // The webhook channel posts to its configured address only: the warm-up's messages arrive here first.
            var n = Interlocked.Increment(ref arrived);
            if (n == WarmUp + count)
            {
                done.TrySetResult();
            }
            else if (n == WarmUp + (2 * count))
            {
                drained.TrySetResult();
            }

            return Results.Ok();
        });
        var baselineArrived = 0;
        var baselineDone = new TaskCompletionSource();
        receiver.MapPost("/baseline", () =>
        {
            if (Interlocked.Increment(ref baselineArrived) == count)
            {
                baselineDone.TrySetResult();
            }

            return Results.Ok();
        });
        receiver.MapPost("/hook-warmup", () => Results.Ok());
        await receiver.StartAsync();
        var hook = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";

        var settings = new Dictionary<string, string?>
        {
            ["Outbox:PollInterval"] = "00:00:00.100",

            // The receiver is local: the egress policy refuses loopback unless allowed.
            ["Egress:Allow:0"] = "127.0.0.1",
        };

        // The product's defaults unless a run asks for others (a key present without a value would bind as 0).
        foreach (var (key, variable) in new[] { ("Outbox:BatchSize", "BENCH_OUTBOX_BATCH"), ("Outbox:Parallelism", "BENCH_OUTBOX_PARALLEL") })
        {
            if (Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value)
            {
                settings[key] = value;
            }
        }

        var (app, _, cleanup) = await PortalBenchHost.StartAsync("outbox bench passphrase", settings);
        try
        {
            await using (var scope = app.Services.CreateSystemScope())
            {
                await scope.ServiceProvider.GetRequiredService<SettingsStore>().SetAsync(WebhookSettings.Key, "notification", new WebhookSettings(hook, "bench-secret", null), encrypt: true);
                await scope.ServiceProvider.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput(
                    "bench", "bench", MessageChannel.Webhook, null, "{\"text\":\"${text}\"}", null, null, [new TemplateParameter("text", null, null)], true));
            }

            // Warm-up: the same path a while, so the JIT has compiled its optimised code as in a portal that has been running.
            await QueueAsync(app, hook, WarmUp);
            while (Volatile.Read(ref arrived) < WarmUp)
            {
                await Task.Delay(50);
            }

            var clock = Stopwatch.StartNew();
            await QueueAsync(app, hook, count);
            var queued = clock.Elapsed;
            await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
            var total = clock.Elapsed;
            var portalRate = count / total.TotalSeconds;
            Console.WriteLine($"outbox: {count:N0} webhook messages queued in {queued.TotalSeconds:F2} s ({count / queued.TotalSeconds:F0}/s), " +
                $"all received after {total.TotalSeconds:F2} s: {portalRate:F0} messages/s end to end (queueing and sending share the database)");

            // Drain: the receiver holds its answers while as many again are queued; then the outbox alone sends them all.
            gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await QueueAsync(app, hook, count);
            clock.Restart();
            gate.SetResult();
            await drained.Task.WaitAsync(TimeSpan.FromMinutes(10));
            var drainRate = count / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"outbox alone: {count:N0} messages already queued, all received {clock.Elapsed.TotalSeconds:F2} s after the receiver " +
                $"started answering: {drainRate:F0} messages/s");

            var baseline = await StraightPostsAsync(hook.Replace("/hook", "/baseline", StringComparison.Ordinal), count, baselineDone.Task);
            var baselineRate = count / baseline.TotalSeconds;
            Console.WriteLine($"baseline: {count:N0} POSTs sent straight with HttpClient, one at a time, to the same receiver in {baseline.TotalSeconds:F2} s: {baselineRate:F0}/s");
            Console.WriteLine($"outbox ÷ baseline: end to end {portalRate / baselineRate:F2}, outbox alone {drainRate / baselineRate:F2} (1.00 = the outbox delivers as fast as bare HTTP POSTs one at a time)");
        }
        finally
        {
            await cleanup();
            await receiver.StopAsync();
        }
    }

    /// <summary>Queues <paramref name="count"/> messages through the send API, 100 addresses a call, each message to its own address.</summary>
    private static async Task QueueAsync(WebApplication app, string hook, int count)
    {
        const int perSend = 100;
        for (var sent = 0; sent < count; sent += perSend)
        {
            var addresses = Enumerable.Range(sent, Math.Min(perSend, count - sent)).Select(i => $"{hook}?n={i}").ToList();
            await using var scope = app.Services.CreateSystemScope();
            await scope.ServiceProvider.GetRequiredService<IMessageService>().SendAsync(
                new SendRequest("bench", [], addresses, new Dictionary<string, string?> { ["text"] = "load" }));
        }
    }

    /// <summary>The same POSTs (same body, same query) without the portal: one HttpClient, one request at a time, after a short warm-up.</summary>
    private static async Task<TimeSpan> StraightPostsAsync(string url, int count, Task allArrived)
    {
        using var client = new HttpClient();
        for (var i = 0; i < 20; i++)
        {
            using var warm = await client.PostAsync(url.Replace("/baseline", "/hook-warmup", StringComparison.Ordinal), Body());
        }

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.PostAsync($"{url}?n={i}", Body());
            response.EnsureSuccessStatusCode();
        }

        await allArrived.WaitAsync(TimeSpan.FromMinutes(1));
        return clock.Elapsed;

        static StringContent Body() => new("{\"text\":\"load\"}", System.Text.Encoding.UTF8, "application/json");
    }
}
