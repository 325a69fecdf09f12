using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Benchmarks;

/// <summary>The user list (issue 3): filter + sort + page on a seeded database, p50 / p95 per scenario.</summary>
internal static class UsersBench
{
    public static async Task RunAsync(string provider, string? mysqlServer, int count)
    {
        var (services, cleanup) = await BenchHost.StartAsync(provider, mysqlServer);
        try
        {
            var seeded = await UserSeeder.SeedAsync(services, count);
            Console.WriteLine($"{provider}: {count:N0} users in {seeded.Departments} departments, seeded in {seeded.Elapsed.TotalSeconds:F1} s");
            var scenarios = new (string Name, UserFilter Filter, PageRequest Page)[]
            {
                ("first page, by user name", new UserFilter(), new PageRequest { PageSize = 20 }),
                ("search + active, by last login desc, page 5", new UserFilter { Active = true }, new PageRequest { Page = 5, PageSize = 20, Search = "user1", Sort = [new SortSpec("lastLogin", SortDirection.Descending)] }),
                ("department subtree + role, by real name", new UserFilter { DepartmentId = seeded.RootChild, RoleId = seeded.RoleId }, new PageRequest { PageSize = 50, Sort = [new SortSpec("realName")] }),
                ("deep page 1000, by created", new UserFilter(), new PageRequest { Page = 1000, PageSize = 50, Sort = [new SortSpec("created", SortDirection.Descending)] }),
            };
            foreach (var (name, filter, page) in scenarios)
            {
                var timings = await Measure.RunAsync(30, 200, async () =>
                {
                    await using var scope = services.CreateSystemScope();
                    var result = await scope.ServiceProvider.GetRequiredService<IUserService>().QueryAsync(filter, page);
                    return result.TotalCount;
                });
                Console.WriteLine($"  {name,-48} p50 {timings.P50,7:F1} ms   p95 {timings.P95,7:F1} ms   ({timings.Result:N0} matching)");
            }
        }
        finally
        {
            await cleanup();
        }
    }
}
