using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using MySqlConnector;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure;
using Ops.Infrastructure.Audit;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Benchmarks;

internal sealed record Timings(double P50, double P95, long Result);

internal static class Measure
{
    public static async Task<Timings> RunAsync(int warmup, int runs, Func<Task<long>> action)
    {
        long result = 0;
        for (var i = 0; i < warmup; i++)
        {
            result = await action();
        }

        var samples = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            result = await action();
            samples.Add(watch.Elapsed.TotalMilliseconds);
        }

        samples.Sort();
        return new Timings(samples[runs / 2], samples[(int)Math.Ceiling(runs * 0.95) - 1], result);
    }
}

/// <summary>The infrastructure on a fresh database, acting as the system (no web host).</summary>
internal static class BenchHost
{
    public static async Task<(IServiceProvider Services, Func<Task> Cleanup)> StartAsync(
        string provider, string? mysqlServer, int? iterations = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"ops-bench-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var database = $"ops_bench_{Guid.NewGuid():N}"[..24];
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider == "mysql" ? "MySql" : "Sqlite",
            ["ConnectionStrings:Ops"] = provider == "mysql"
                ? new MySqlConnectionStringBuilder(mysqlServer ?? "") { Database = database }.ConnectionString
                : $"Data Source={Path.Combine(directory, "bench.db")}",
        };
        if (iterations is { } n)
        {
            settings["Auth:PasswordHashIterations"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var services = new ServiceCollection();
        services.AddLogging();
        // The sign-in manager asks for the authentication schemes even for a password check.
        services.AddAuthenticationCore();
        services.AddSingleton<ICurrentUser, SystemUser>();
        services.AddSingleton<IRequestOriginAccessor, NoOrigin>();
        services.AddOpsInfrastructure(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), new BenchEnvironment(directory));
        var provider_ = services.BuildServiceProvider();
        await OpsStartup.MigrateAsync(provider_);
        return (provider_, async () =>
        {
            if (provider == "mysql")
            {
                await using var scope = provider_.CreateSystemScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
                await db.Database.EnsureDeletedAsync();
            }

            await provider_.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        });
    }

    private sealed class SystemUser : ICurrentUser
    {
        public ValueTask<Actor> GetActorAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Actor.System);
    }

    private sealed class NoOrigin : IRequestOriginAccessor
    {
        public RequestOrigin? Origin => null;
    }

    private sealed class BenchEnvironment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";

        public string ApplicationName { get; set; } = "Ops.Benchmarks";

        public string ContentRootPath { get; set; } = root;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

internal sealed record Seeded(int Departments, long RootChild, long RoleId, TimeSpan Elapsed);

/// <summary>Departments in a three-level tree and users spread over them, inserted in batches.</summary>
internal static class UserSeeder
{
    public static async Task<Seeded> SeedAsync(IServiceProvider services, int count)
    {
        var watch = Stopwatch.StartNew();
        await using var scope = services.CreateSystemScope();
        var departmentService = scope.ServiceProvider.GetRequiredService<IDepartmentService>();
        var root = (await departmentService.CreateAsync(new("总部", "HQ", null, null, 0))).Value;
        var departments = new List<long> { root };
        for (var i = 0; i < 6; i++)
        {
            var division = (await departmentService.CreateAsync(new($"事业部{i}", $"D{i}", root, null, i))).Value;
            departments.Add(division);
            for (var j = 0; j < 5; j++)
            {
                departments.Add((await departmentService.CreateAsync(new($"事业部{i}-组{j}", $"D{i}-{j}", division, null, j))).Value);
            }
        }

        var roleId = (await scope.ServiceProvider.GetRequiredService<IRoleService>().CreateAsync(new("staff", "Staff", null, null, 0, true, null, [], false))).Value;
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        var random = new Random(42);
        const int batch = 5000;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var users = Enumerable.Range(start, Math.Min(batch, count - start)).Select(i => new OpsUser
            {
                UserName = $"user{i:000000}",
                NormalizedUserName = $"USER{i:000000}",
                RealName = $"用户{i}",
                Email = $"user{i}@ops.example",
                NormalizedEmail = $"USER{i}@OPS.EXAMPLE",
                DepartmentId = departments[random.Next(departments.Count)],
                IsActive = random.Next(10) > 0,
                LoginCount = random.Next(500),
                LastLoginAt = DateTimeOffset.UtcNow.AddMinutes(-random.Next(500_000)),
                SecurityStamp = Guid.NewGuid().ToString("N"),
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            db.UserRoles.AddRange(users.Where((_, i) => i % 3 == 0).Select(u => new IdentityUserRole<long> { UserId = u.Id, RoleId = roleId }));
            await db.SaveChangesAsync();
        }

        return new Seeded(departments.Count, departments[1], roleId, watch.Elapsed);
    }
}
