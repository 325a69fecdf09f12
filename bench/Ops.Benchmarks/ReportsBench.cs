using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Common;
using Ops.Portal.Components.Pages.Reports;

namespace Ops.Benchmarks;

/// <summary>
/// Reports (issue 19) on MariaDB: a table report over <c>rows</c> orders (default 1,000,000), first page sorted by an
/// indexed column, through <see cref="IReportViewer.PageAsync"/> (permission, visibility, the statement check, binding,
/// the read-only transaction, the paging wrapper); and a bar chart over a 100,000-row aggregation, from the request to
/// the ECharts options as JSON (what goes to the page). Baselines in the same run: the same SQL sent straight with
/// MySqlConnector on one open connection.
/// </summary>
internal static class ReportsBench
{
    // As the chart component sends options: camel case, nulls left out.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private const string TableSql = "SELECT id, region, department_id, amount, created_at FROM orders";
    private const string ChartSql = "SELECT region, DATE(created_at) AS day, SUM(amount) AS total FROM orders WHERE id <= 100000 GROUP BY region, DATE(created_at)";

    public static async Task RunAsync(string server, int rows)
    {
        var schema = $"ops_rbench_{Guid.NewGuid():N}"[..24];
        var target = new MySqlConnectionStringBuilder(server) { Database = schema };
        var seeded = await SeedAsync(server, target.ConnectionString, rows);
        Console.WriteLine($"reports: {rows:N0} orders seeded in {seeded.TotalSeconds:F1} s");
        var (services, cleanup) = await BenchHost.StartAsync("sqlite", null, extra: new Dictionary<string, string?>
        {
            ["Egress:Allow:0"] = target.Server,
        });
        try
        {
            await using var scope = services.CreateSystemScope();
            var sp = scope.ServiceProvider;
            var source = (await sp.GetRequiredService<IDataSourceService>().CreateAsync(new DataSourceInput("bench orders", DataSourceType.MySql, target.Server,
                (int)target.Port, schema, target.UserID, target.Password, "SslMode=None;AllowPublicKeyRetrieval=true", true))).Value;
            var table = await PublishAsync(sp, source, "orders table", new ReportDefinition(TableSql, [], ReportDisplayType.Table));
            var chart = await PublishAsync(sp, source, "orders by region and day", new ReportDefinition(ChartSql, [], ReportDisplayType.Bar,
                new ChartSettings("day", ["total"], "region", Stacked: true)));
            var viewer = sp.GetRequiredService<IReportViewer>();
            var none = new Dictionary<string, string?>();

            await using var plain = new MySqlConnection(target.ConnectionString);
            await plain.OpenAsync();
            for (var run = 1; run <= 3; run++)
            {
                var page = await Measure.RunAsync(20, 200, async () =>
                    (await viewer.PageAsync(table, none, new QueryPage(0, 20, "amount", Descending: true))).Value.Rows.Rows.Count);
                var pageBaseline = await Measure.RunAsync(20, 200, () => BenchSchema.ReadAllAsync(plain, TableSql + " ORDER BY amount DESC LIMIT 21"));
                var drawn = await Measure.RunAsync(3, 20, async () =>
                {
                    var data = (await viewer.DataAsync(chart, none)).Value;
                    var options = ReportChartOptions.Build(ReportDefinition.FromJson(null) with { Display = ReportDisplayType.Bar, Chart = new ChartSettings("day", ["total"], "region", Stacked: true) },
                        data.Current, CultureInfo.GetCultureInfo("zh-CN"));
                    return Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(options, Json));
                });
                var chartBaseline = await Measure.RunAsync(3, 20, () => BenchSchema.ReadAllAsync(plain, ChartSql));
                Console.WriteLine($"  run {run}: table first page sorted p50 {page.P50:F1} ms, p95 {page.P95:F1} ms  | plain SQL p50 {pageBaseline.P50:F1} ms, p95 {pageBaseline.P95:F1} ms  | p95 ratio {page.P95 / Math.Max(0.01, pageBaseline.P95):F2}×");
                Console.WriteLine($"         chart (100,000-row aggregation to options JSON, {drawn.Result:N0} bytes) p50 {drawn.P50:F0} ms, p95 {drawn.P95:F0} ms  | plain SQL p50 {chartBaseline.P50:F0} ms, p95 {chartBaseline.P95:F0} ms  | p95 ratio {drawn.P95 / Math.Max(0.01, chartBaseline.P95):F2}×");
            }
        }
        finally
        {
            await cleanup();
            await BenchSchema.DropAsync(server, schema);
        }
    }

    private static async Task<long> PublishAsync(IServiceProvider sp, long source, string name, ReportDefinition definition)
    {
        var reports = sp.GetRequiredService<IReportService>();
        var id = (await reports.CreateAsync(new ReportInput(name, null, null, source, true, false, definition, []))).Value;
        var published = await reports.PublishAsync(id, (await reports.GetAsync(id)).Value.Version);
        if (published.IsFailure)
        {
            throw new InvalidOperationException(published.Error!.ToString());
        }

        return id;
    }

    /// <summary>Orders over 8 regions, 50 departments and 2025–2026, in batches of 5,000 rows; indexes on amount and time.</summary>
    private static async Task<TimeSpan> SeedAsync(string server, string target, int rows)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await BenchSchema.CreateAsync(server, target,
            "CREATE TABLE orders (id BIGINT PRIMARY KEY, region VARCHAR(20) NOT NULL, department_id INT NOT NULL, amount DECIMAL(12,2) NOT NULL, "
            + "created_at DATETIME NOT NULL, INDEX ix_amount (amount), INDEX ix_created (created_at))");
        await using var command = db.CreateCommand();
        string[] regions = ["华东", "华南", "华北", "华中", "西南", "西北", "东北", "港澳"];
        var random = new Random(19);
        var start = new DateTime(2025, 1, 1);
        for (var batch = 0; batch < rows; batch += 5000)
        {
            var text = new StringBuilder("INSERT INTO orders VALUES ");
            for (var i = batch; i < Math.Min(batch + 5000, rows); i++)
            {
                text.Append(i == batch ? "" : ",").Append(CultureInfo.InvariantCulture,
                    $"({i + 1},'{regions[random.Next(regions.Length)]}',{random.Next(1, 51)},{random.Next(100, 1_000_000) / 100m},'{start.AddMinutes(random.Next(0, 730 * 24 * 60)):yyyy-MM-dd HH:mm:ss}')");
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync();
        }

        command.CommandText = "ANALYZE TABLE orders";
        await command.ExecuteNonQueryAsync();
        return watch.Elapsed;
    }
}
