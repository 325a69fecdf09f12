using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Portal.Hosting;

namespace Ops.Benchmarks;

/// <summary>
/// The real portal on Kestrel (fresh SQLite), N SignalR clients of one signed-in user on
/// /hubs/notifications (WebSockets), then in-app notifications sent through the service:
/// time from the send call (row stored, event published) to each client's receipt.
/// </summary>
internal static partial class FanOutBench
{
    public static async Task RunAsync(int clients, int rounds)
    {
        var (app, baseUrl, cleanup) = await PortalBenchHost.StartAsync("fan-out bench passphrase");
        var connections = new List<HubConnection>();
        try
        {
            var cookie = await SignInAsync(baseUrl, "admin", "fan-out bench passphrase");
            var received = new ConcurrentBag<double>();
            var pending = 0;
            var clock = new Stopwatch();
            var allArrived = new TaskCompletionSource();
            for (var i = 0; i < clients; i++)
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl($"{baseUrl}/hubs/notifications", o => o.Headers["Cookie"] = cookie)
                    .Build();
                connection.On<NotificationView>("NotificationArrived", _ =>
                {
                    received.Add(clock.Elapsed.TotalMilliseconds);
                    if (Interlocked.Decrement(ref pending) == 0)
                    {
                        allArrived.TrySetResult();
                    }
                });
                await connection.StartAsync();
                connections.Add(connection);
            }

            long adminId;
            await using (var scope = app.Services.CreateSystemScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ops.Infrastructure.Auth.OpsUser>>();
                adminId = (await users.FindByNameAsync("admin"))!.Id;
            }

            Console.WriteLine($"{clients} hub clients connected; {rounds} notifications");
            var samples = new List<double>();
            for (var round = -3; round < rounds; round++)
            {
                received.Clear();
                allArrived = new TaskCompletionSource();
                pending = clients;
                await using var scope = app.Services.CreateSystemScope();
                var notifications = scope.ServiceProvider.GetRequiredService<INotificationService>();
                clock.Restart();
                await notifications.SendAsync(new InAppMessage(NotificationType.System, NotificationLevel.Info, $"round {round}", "fan-out"), [adminId]);
                await allArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
                if (round >= 0)
                {
                    samples.AddRange(received);
                }
            }

            samples.Sort();
            Console.WriteLine($"  publish-to-receive over {samples.Count:N0} deliveries: p50 {Percentile(samples, 0.50):F1} ms   p99 {Percentile(samples, 0.99):F1} ms   max {samples[^1]:F1} ms");
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }

            await cleanup();
        }
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<string> SignInAsync(string baseUrl, string user, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var page = await client.GetStringAsync("/Account/Login");
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "login", ["Input.Login"] = user, ["Input.Password"] = password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in failed: {(int)response.StatusCode}");
        }

        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

/// <summary>The real portal on Kestrel over a fresh SQLite file, for load scripts.</summary>
internal static class PortalBenchHost
{
    public static async Task<(WebApplication App, string BaseUrl, Func<Task> Cleanup)> StartAsync(
        string adminPassword, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ops-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ApplicationName = "Ops.Portal", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Ops"] = $"Data Source={Path.Combine(directory, "bench.db")}",
            ["Logging:Directory"] = directory,
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["OPS_ADMIN_PASSWORD"] = adminPassword,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddOpsPortal();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        await app.InitializeOpsAsync();
        app.UseOpsPortal();
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, baseUrl, async () =>
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        });
    }
}
