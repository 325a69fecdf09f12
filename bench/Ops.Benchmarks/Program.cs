using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Ops.Benchmarks;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure;
using Ops.Infrastructure.Audit;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

// Load script for the figures issue 3 asks for:
//   dotnet run -c Release --project bench/Ops.Benchmarks -- users sqlite [count]
//   dotnet run -c Release --project bench/Ops.Benchmarks -- users mysql "<server connection>" [count]
//   dotnet run -c Release --project bench/Ops.Benchmarks -- signin
// Prints p50 / p95 in milliseconds per scenario.
var mode = args.ElementAtOrDefault(0) ?? "users";
if (mode == "fanout")
{
    await FanOutBench.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "1000", System.Globalization.CultureInfo.InvariantCulture), 30);
    return;
}

if (mode == "outbox")
{
    await OutboxBench.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "2000", System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (mode == "punctuality")
{
    // punctuality ["<mysql server connection>"] [per-minute window s] [per-second window s]
    var seconds = (int index, int fallback) => TimeSpan.FromSeconds(int.Parse(args.ElementAtOrDefault(index) ?? fallback.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture));
    await PunctualityBench.RunAsync(args.ElementAtOrDefault(1), seconds(2, 120), seconds(3, 30));
    return;
}

if (mode == "flows")
{
    // flows ["<mysql server connection>"] [nodes]
    await FlowBench.RunAsync(args.ElementAtOrDefault(1), int.Parse(args.ElementAtOrDefault(2) ?? "1000", System.Globalization.CultureInfo.InvariantCulture));
    return;
}

if (mode == "approvals")
{
    // approvals ["<mysql server connection>"] [instances] [parallel]
    var rest = args.Skip(1).ToList();
    var server = rest.Count > 0 && !int.TryParse(rest[0], System.Globalization.CultureInfo.InvariantCulture, out _) ? rest[0] : null;
    var numbers = rest.Skip(server is null ? 0 : 1).Select(a => int.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
    await ApprovalBench.RunAsync(server, numbers.ElementAtOrDefault(0) is > 0 and var n ? n : 2000, numbers.ElementAtOrDefault(1) is > 0 and var p ? p : 16);
    return;
}

if (mode == "circuits")
{
    // circuits [pages] [portal route] [template route]; BENCH_KEEP=1 keeps the gcdumps, BENCH_HOLD=<s> pauses with the circuits open
    await CircuitsBench.RunAsync(int.Parse(args.ElementAtOrDefault(1) ?? "100", System.Globalization.CultureInfo.InvariantCulture), args.ElementAtOrDefault(2) ?? "/dashboard", args.ElementAtOrDefault(3) ?? "/");
    return;
}

if (mode == "signin")
{
    await SignInBench.RunAsync();
    return;
}

var provider = args.ElementAtOrDefault(1) ?? "sqlite";
var mysqlServer = provider == "mysql" ? args.ElementAtOrDefault(2) ?? throw new ArgumentException("mysql needs a server connection string") : null;
var count = int.Parse(args.ElementAtOrDefault(provider == "mysql" ? 3 : 2) ?? "100000", System.Globalization.CultureInfo.InvariantCulture);

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
