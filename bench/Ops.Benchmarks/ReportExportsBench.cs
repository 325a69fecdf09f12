using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MySqlConnector;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Infrastructure.Common;

namespace Ops.Benchmarks;

/// <summary>
/// Report exports (issue 20) on MariaDB: <c>rows</c> (default 1,000,000) × 10 columns through the portal's exporter
/// (permission, visibility, binding, the read-only transaction, rows streamed from the reader into the file), as .xlsx and
/// .csv, beside the same run's baselines: the query alone (MySqlConnector reading every row), MiniExcel alone writing
/// the same values generated in memory, and a plain CSV writer on the same values. Goal: portal ≤ query + 1.3 × the
/// writer alone, peak working set growth ≤ 100 MiB. Three runs, interleaved, every variant into a counting null stream.
/// </summary>
internal static class ReportExportsBench
{
    private const string Sql = "SELECT id, region, department_id, amount, quantity, price, created_at, note, flag, code FROM wide ORDER BY id";

    public static async Task RunAsync(string server, int rows)
    {
        var schema = $"ops_xbench_{Guid.NewGuid():N}"[..24];
        var target = new MySqlConnectionStringBuilder(server) { Database = schema };
        var seeded = await SeedAsync(server, target.ConnectionString, rows);
        Console.WriteLine($"report exports: {rows:N0} rows × 10 columns seeded in {seeded.TotalSeconds:F1} s");
        var (services, cleanup) = await BenchHost.StartAsync("sqlite", null, extra: new Dictionary<string, string?> { ["Egress:Allow:0"] = target.Server });
        try
        {
            long report;
            await using (var scope = services.CreateSystemScope())
            {
                var sp = scope.ServiceProvider;
                var source = (await sp.GetRequiredService<IDataSourceService>().CreateAsync(new DataSourceInput("bench wide", DataSourceType.MySql, target.Server,
                    (int)target.Port, schema, target.UserID, target.Password, "SslMode=None;AllowPublicKeyRetrieval=true", true))).Value;
                var reports = sp.GetRequiredService<IReportService>();
                report = (await reports.CreateAsync(new ReportInput("wide table", null, null, source, true, false, new ReportDefinition(Sql, []), []))).Value;
                await reports.PublishAsync(report, (await reports.GetAsync(report)).Value.Version);
            }

            async Task PortalAsync(Stream sink, ReportExportFormat format)
            {
                await using var scope = services.CreateSystemScope();
                var export = await scope.ServiceProvider.GetRequiredService<IReportExporter>().PrepareAsync(report, new Dictionary<string, string?>(), format, SheetFormat.Keys);
                var written = await export.Value.WriteAsync(sink);
                if (written != rows)
                {
                    throw new InvalidOperationException($"exported {written:N0} rows of {rows:N0}");
                }
            }

            for (var run = 1; run <= 3; run++)
            {
                var figures = await ExportMeasure.RunAsync(
                [
                    ("portal .xlsx: IReportExporter, streamed from MariaDB", sink => PortalAsync(sink, ReportExportFormat.Xlsx)),
                    ("portal .csv: IReportExporter, streamed from MariaDB", sink => PortalAsync(sink, ReportExportFormat.Csv)),
                    ("baseline: the query alone (MySqlConnector, every row)", async _ =>
                    {
                        await using var plain = new MySqlConnection(target.ConnectionString);
                        await plain.OpenAsync();
                        await BenchSchema.ReadAllAsync(plain, Sql);
                    }),
                    ("baseline .xlsx: MiniExcel alone, the same values generated", sink => Task.Run(() => sink.SaveAs(Generated(rows)))),
                    ("baseline .csv: a plain CSV writer, the same values generated", sink => PlainCsvAsync(sink, rows)),
                ], rows, warmup: run == 1 ? 1 : 0, runs: 1);
                Console.WriteLine($"  run {run}:");
                foreach (var figure in figures)
                {
                    Console.WriteLine("  " + figure);
                }

                var query = figures[2].MedianMs;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    goal .xlsx ≤ query + 1.3 × MiniExcel = {query + 1.3 * figures[3].MedianMs:F0} ms: {figures[0].MedianMs:F0} ms ({(figures[0].MedianMs <= query + 1.3 * figures[3].MedianMs ? "met" : "missed")}), " +
                    $"peak +{ExportFigures.MiB(figures[0].MedianPeakDelta):F0} MiB ({(ExportFigures.MiB(figures[0].MedianPeakDelta) <= 100 ? "met" : "missed")})"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    goal .csv  ≤ query + 1.3 × plain CSV = {query + 1.3 * figures[4].MedianMs:F0} ms: {figures[1].MedianMs:F0} ms ({(figures[1].MedianMs <= query + 1.3 * figures[4].MedianMs ? "met" : "missed")}), " +
                    $"peak +{ExportFigures.MiB(figures[1].MedianPeakDelta):F0} MiB ({(ExportFigures.MiB(figures[1].MedianPeakDelta) <= 100 ? "met" : "missed")})"));
            }
        }
        finally
        {
            await cleanup();
            await BenchSchema.DropAsync(server, schema);
        }
    }

    private static readonly string[] Regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北", "港澳"];

    /// <summary>The values the table holds, row by row, as the database gives them back.</summary>
    private static object?[] Row(int i) =>
    [
        (long)i, Regions[i % 8], (long)(i % 50), Math.Round(i % 10000 * 1.37m, 2), (long)(i % 97), Math.Round(i % 500 * 0.5m, 2),
        new DateTime(2025, 1, 1).AddMinutes(i), "备注 " + (i % 1000).ToString(CultureInfo.InvariantCulture), (long)(i % 2), "C" + (i % 100000).ToString("D6", CultureInfo.InvariantCulture),
    ];

    private static readonly string[] Columns = ["id", "region", "department_id", "amount", "quantity", "price", "created_at", "note", "flag", "code"];

    private static IEnumerable<IDictionary<string, object?>> Generated(int rows)
    {
        for (var i = 1; i <= rows; i++)
        {
            var row = Row(i);
            var cells = new Dictionary<string, object?>(Columns.Length);
            for (var c = 0; c < Columns.Length; c++)
            {
                cells[Columns[c]] = row[c];
            }

            yield return cells;
        }
    }

    private static async Task PlainCsvAsync(Stream sink, int rows)
    {
        await using var writer = new StreamWriter(sink, new UTF8Encoding(true), 64 * 1024, leaveOpen: true);
        await writer.WriteLineAsync(string.Join(',', Columns));
        for (var i = 1; i <= rows; i++)
        {
            await writer.WriteLineAsync(string.Join(',', Row(i).Select(v => v is DateTime d ? d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : Convert.ToString(v, CultureInfo.InvariantCulture))));
        }
    }

    private static async Task<TimeSpan> SeedAsync(string server, string target, int rows)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await BenchSchema.CreateAsync(server, target,
            "CREATE TABLE wide (id BIGINT PRIMARY KEY, region VARCHAR(20) NOT NULL, department_id INT NOT NULL, amount DECIMAL(12,2) NOT NULL, "
            + "quantity INT NOT NULL, price DECIMAL(10,2) NOT NULL, created_at DATETIME NOT NULL, note VARCHAR(40) NOT NULL, flag TINYINT NOT NULL, code VARCHAR(12) NOT NULL)");
        await using var command = db.CreateCommand();
        for (var batch = 1; batch <= rows; batch += 5000)
        {
            var text = new StringBuilder("INSERT INTO wide VALUES ");
            for (var i = batch; i < Math.Min(batch + 5000, rows + 1); i++)
            {
                var r = Row(i);
                text.Append(i == batch ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"({r[0]},'{r[1]}',{r[2]},{r[3]},{r[4]},{r[5]},'{(DateTime)r[6]!:yyyy-MM-dd HH:mm:ss}','{r[7]}',{r[8]},'{r[9]}')");
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync();
        }

        return watch.Elapsed;
    }
}
