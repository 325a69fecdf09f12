using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Portal.Common;
using Ops.Portal.Localization;

namespace Ops.Benchmarks;

/// <summary>
/// The user list export (issue 17) against MiniExcel alone, in the same process and run: the portal's service call as
/// the users page makes it (admin scope, the viewer's sheet format: Chinese headers, times in Asia/Shanghai), and
/// MiniExcel writing the same rows (read back from the portal's own workbook, so every cell matches) as dictionaries
/// already in memory. Every variant writes to the same kind of sink, a stream that counts bytes and keeps none.
/// </summary>
internal static class ExportsBench
{
    private const int Warmup = 1;
    private const int Runs = 5;

    public static async Task RunAsync(int count)
    {
        var (services, cleanup) = await BenchHost.StartAsync("sqlite", null);
        try
        {
            var seeded = await UserSeeder.SeedAsync(services, count);
            var admin = await AdminAsync(services);
            var viewer = ViewerFormat();
            async Task<byte[]> PortalAsync(SheetFormat format)
            {
                await using var scope = services.CreateScopeAs(admin);
                return await scope.ServiceProvider.GetRequiredService<IUserExchange>().ExportAsync(new UserFilter(), null, format);
            }

            var rows = ReadBack(await PortalAsync(viewer));
            Console.WriteLine($"sqlite: {count:N0} users in {seeded.Departments} departments, seeded in {seeded.Elapsed.TotalSeconds:F1} s; " +
                $"the export writes {rows.Count:N0} rows (the service caps it at {UserExchange.MaxRows:N0}), columns: {string.Join(" | ", rows[0].Keys)}");
            Console.WriteLine($"  {Runs} runs after {Warmup} warm-up, interleaved; every variant writes to a counting null stream");

            var figures = await ExportMeasure.RunAsync(
            [
                ("portal .xlsx: IUserExchange.ExportAsync, viewer's format", async sink => await sink.WriteAsync(await PortalAsync(viewer))),
                ("  diagnostic: the same with SheetFormat.Keys (no texts, UTC)", async sink => await sink.WriteAsync(await PortalAsync(SheetFormat.Keys))),
                ("  diagnostic: ExcelExchange.ExportAsync on the rows in memory", async sink => await sink.WriteAsync(await ExcelExchange.ExportAsync(rows, "Users"))),
                ("baseline .xlsx: MiniExcel alone, rows in memory", sink => sink.SaveAsAsync(rows, sheetName: "Users")),
                ("baseline .csv: MiniExcel alone, rows in memory", sink => sink.SaveAsAsync(rows, excelType: ExcelType.CSV)),
            ], rows.Count, Warmup, Runs);
            foreach (var figure in figures)
            {
                Console.WriteLine(figure);
            }

            var portal = figures[0];
            var baseline = figures[3];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  portal ÷ MiniExcel alone (.xlsx): time {portal.MedianMs / baseline.MedianMs:F2} (p95 {portal.P95Ms / baseline.P95Ms:F2}), allocated {(double)portal.MedianAllocated / baseline.MedianAllocated:F2}"));
            Console.WriteLine("  .csv: the portal has no CSV export (every list exports .xlsx through ExcelExchange); the MiniExcel CSV line is the baseline a CSV path would be held to");
        }
        finally
        {
            await cleanup();
        }
    }

    /// <summary>The seeded superuser, as the portal creates it at first start.</summary>
    private static async Task<Actor> AdminAsync(IServiceProvider services)
    {
        await using var scope = services.CreateSystemScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureAdminAsync("exports bench passphrase");
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByNameAsync(OpsUser.AdminUserName);
        return new Actor(user!.Id, user.UserName!, IsAuthenticated: true, IsSystem: false);
    }

    /// <summary>What <see cref="SheetDownload.Format"/> gives a Chinese viewer in Shanghai: the portal's own resources.</summary>
    private static SheetFormat ViewerFormat()
    {
        var text = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();
        return SheetDownload.For(text, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), CultureInfo.GetCultureInfo(Cultures.Chinese));
    }

    private static List<Dictionary<string, object?>> ReadBack(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();
    }
}
