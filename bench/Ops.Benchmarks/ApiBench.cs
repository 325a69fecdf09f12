using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ops.Benchmarks;

/// <summary>
/// The REST API under load (issue 18): <c>GET /api/v1/users?page=1</c> with a bearer token on a portal (its own process,
/// the build beside this bench) whose SQLite database holds <c>count</c> users, at a fixed arrival rate (open loop: each
/// request leaves at its own time, and its latency counts from that time, so a slow answer cannot hide the ones
/// queued behind it). Beside it, in the same run and at the same rate, the baseline: <c>GET /health</c> of the same
/// portal (Kestrel, the middleware and one database round trip, no API layers).
/// </summary>
internal static class ApiBench
{
    private const string AdminPassword = "api bench passphrase";

    public static async Task RunAsync(int count, int rate, int seconds)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ops-api-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "ops.db");
        try
        {
            var (services, cleanup) = await BenchHost.StartAsync("sqlite", null, extra: new Dictionary<string, string?> { ["ConnectionStrings:Ops"] = $"Data Source={database}" });
            var seeded = await UserSeeder.SeedAsync(services, count);
            await cleanup();
            Console.WriteLine($"api: {count:N0} users seeded in {seeded.Elapsed.TotalSeconds:F1} s; {rate} requests/s for {seconds} s per run");
            if (Environment.GetEnvironmentVariable("BENCH_SEED_ONLY") == "1")
            {
                return;
            }


            var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            await using var portal = await ChildApp.StartAsync(Path.Combine(HeapProbe.RepositoryRoot(), "Ops.Portal", "bin", configuration, "net10.0", "Ops.Portal.dll"), directory,
                new Dictionary<string, string>
                {
                    ["Database__Provider"] = "Sqlite",
                    ["ConnectionStrings__Ops"] = $"Data Source={database}",
                    ["Logging__Directory"] = Path.Combine(directory, "logs"),
                    ["OPS_ADMIN_PASSWORD"] = AdminPassword,
                    // The bench is one client at one address: the limits would measure themselves.
                    ["Api__RequestsPerTokenPerMinute"] = "10000000",
                    ["Api__RequestsPerAddressPerMinute"] = "10000000",
                }, "/health");

            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri(portal.Address),
                Timeout = TimeSpan.FromSeconds(30),
            };
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { login = "admin", password = AdminPassword });
            login.EnsureSuccessStatusCode();
            var token = JsonDocument.Parse(await login.Content.ReadAsStringAsync()).RootElement.GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            // Warm-up: the JIT's optimised code and the caches, as in a portal that has been running.
            await LoadAsync(client, "/api/v1/users?page=1", rate / 2, 10);
            await LoadAsync(client, "/health", rate / 2, 5);

            for (var run = 1; run <= 3; run++)
            {
                var api = await LoadAsync(client, "/api/v1/users?page=1", rate, seconds);
                var floor = await LoadAsync(client, "/health", rate, seconds);
                Console.WriteLine($"  run {run}: GET /api/v1/users?page=1 {api}");
                Console.WriteLine($"         GET /health (baseline)    {floor}");
                Console.WriteLine($"         p99 ratio {api.P99 / Math.Max(0.001, floor.P99):F2}×, p50 ratio {api.P50 / Math.Max(0.001, floor.P50):F2}×");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1")
            {
                Console.WriteLine($"api: kept {database}");
            }
            else
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private sealed record Load(int Sent, int Errors, double Rate, double P50, double P95, double P99, double Max)
    {
        public override string ToString() =>
            $"{Sent:N0} sent at {Rate:F0}/s, {Errors} errors; p50 {P50:F1} ms, p95 {P95:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms";
    }

    private static async Task<Load> LoadAsync(HttpClient client, string path, int rate, int seconds)
    {
        var total = rate * seconds;
        var latencies = new double[total];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(total);
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var index = i;
            requests.Add(Task.Run(async () =>
            {
                try
                {
                    using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref errors);
                }

                latencies[index] = (clock.Elapsed - due).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(requests);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        double At(double q) => latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(q * latencies.Length) - 1)];
        return new Load(total, errors, total / elapsed, At(0.50), At(0.95), At(0.99), latencies[^1]);
    }
}
