using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Benchmarks;

/// <summary>
/// The server's share of a password sign-in: look the user up, check the PBKDF2 hash (the reference), and beside it
/// in the same process, interleaved, the sign-in service's refusal of a real name with a wrong password and of an
/// unknown name: the two must cost the same, or the time tells which names exist.
/// </summary>
internal static class SignInBench
{
    public static async Task RunAsync()
    {
        var unlimited = new Dictionary<string, string?>
        {
            ["Auth:MaxFailedAccessAttempts"] = "1000000", ["Auth:AttemptsPerAddressPerMinute"] = "1000000", ["Auth:AttemptsPerAccountPerMinute"] = "1000000",
        };
        var (services, cleanup) = await BenchHost.StartAsync("sqlite", null, iterations: 210_000, extra: unlimited);
        try
        {
            await using (var scope = services.CreateSystemScope())
            {
                var created = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>()
                    .CreateAsync(new OpsUser { UserName = "bench.user", IsActive = true }, "benchmark passphrase");
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
                }
            }

            var reference = new List<double>();
            var real = new List<double>();
            var unknown = new List<double>();
            for (var i = 0; i < 105; i++)
            {
                var warm = i < 5;
                Time(warm ? null : reference, await TimedAsync(async () =>
                {
                    await using var scope = services.CreateSystemScope();
                    var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
                    await users.CheckPasswordAsync((await users.FindByNameAsync("bench.user"))!, "benchmark passphrase");
                }));
                Time(warm ? null : real, await TimedAsync(() => RefusedAsync(services, "bench.user", i)));
                Time(warm ? null : unknown, await TimedAsync(() => RefusedAsync(services, "nobody.here", i)));
            }

            Console.WriteLine($"sign-in reference (lookup + PBKDF2-HMAC-SHA512, 210,000 iterations): {Describe(reference)}");
            Console.WriteLine($"refused, real name + wrong password:                           {Describe(real)}");
            Console.WriteLine($"refused, unknown name:                                         {Describe(unknown)}");
            Console.WriteLine($"unknown / real (p50): {Percentile(unknown, 0.5) / Percentile(real, 0.5):F2}");
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task RefusedAsync(IServiceProvider services, string login, int attempt)
    {
        await using var scope = services.CreateSystemScope();
        var origin = new Ops.Domain.Audit.RequestOrigin($"10.9.{attempt / 250}.{attempt % 250 + 1}", "bench");
        var outcome = (await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync(login, "a wrong password", origin)).Outcome;
        if (outcome != SignInOutcome.InvalidCredentials)
        {
            throw new InvalidOperationException($"expected a refusal, got {outcome}");
        }
    }

    private static async Task<double> TimedAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static void Time(List<double>? samples, double ms) => samples?.Add(ms);

    private static double Percentile(List<double> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[(int)Math.Ceiling(sorted.Count * p) - 1];
    }

    private static string Describe(List<double> samples) => $"p50 {Percentile(samples, 0.5):F1} ms   p95 {Percentile(samples, 0.95):F1} ms";
}
