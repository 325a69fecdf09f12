using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Tests.Reports.Exports;

/// <summary>
/// Excel and CSV exports read back: every row of the result (past the display cap), raw values, RFC 4180 quoting with a
/// BOM, formulas neutralised, the filter values on a second sheet; the export permission and the viewer's data scope.
/// </summary>
public sealed class ReportExportTests
{
    private const string Query = "SELECT id, region, amount, '=1+2' AS formula, 'a,\"b\"' AS quoted FROM sales WHERE amount >= {{minimum}} ORDER BY id";

    private static readonly SheetFormat Sheet = new(key => key switch
    {
        "report.export.data_sheet" => "数据",
        "report.export.filters_sheet" => "筛选",
        "report.export.parameter" => "条件",
        "report.export.value" => "取值",
        _ => key,
    }, TimeZoneInfo.Utc);

    [Fact]
    public async Task Csv_HasTheBomRfc4180QuotingRawValuesAndNeutralisedFormulas_AndEveryRowPastTheDisplayCap()
    {
        await using var report = await ExportedReport.StartAsync(DataSourceType.Sqlite, Query, displayCap: 5);

        var (bytes, count) = await report.ExportAsync(report.Admin, ReportExportFormat.Csv, new() { ["minimum"] = "0" });

        Assert.Equal(12, count);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal("id,region,amount,formula,quoted", lines[0]);
        Assert.Equal("1,east,100,'=1+2,\"a,\"\"b\"\"\"", lines[1]);
        Assert.Equal(14, lines.Length);
        Assert.Equal("", lines[^1]);
    }

    [Theory]
    [InlineData(DataSourceType.Sqlite)]
    [InlineData(DataSourceType.MySql)]
    [InlineData(DataSourceType.PostgreSql)]
    [InlineData(DataSourceType.ClickHouse)]
    public async Task Xlsx_ReadsBackWithTypedCells_TheFiltersOnTheSecondSheet_AndTheExportIsAudited(DataSourceType type)
    {
        ColumnSettings[] columns = [new("amount", Label: "金额", Format: ColumnFormat.Currency, Decimals: 2, Width: 140), new("region", Hidden: true)];
        await using var report = await ExportedReport.StartAsync(type, Query, displayCap: 5, columns: columns);

        var (bytes, count) = await report.ExportAsync(report.Admin, ReportExportFormat.Xlsx, new() { ["minimum"] = "90" });

        using var stream = new MemoryStream(bytes);
        using (var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes)))
        {
            // The report's currency format is Excel's number format of the column: the cells stay numbers.
            using var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open());
            Assert.Contains("¥&quot;#,##0.00", await styles.ReadToEndAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(["数据", "筛选"], stream.GetSheetNames());
        var rows = stream.Query(useHeaderRow: true, sheetName: "数据").Cast<IDictionary<string, object?>>().ToList();
        // Amounts of 90 and more: 6 of the 12 sales, more than the display cap of 5.
        Assert.Equal(6, count);
        Assert.Equal(6, rows.Count);
        Assert.Equal(100m, Convert.ToDecimal(rows[0]["金额"], CultureInfo.InvariantCulture));
        Assert.False(rows[0].ContainsKey("region"));
        Assert.Equal("'=1+2", rows[0]["formula"]);
        Assert.Equal("a,\"b\"", rows[0]["quoted"]);
        var filters = stream.Query(useHeaderRow: true, sheetName: "筛选").Cast<IDictionary<string, object?>>().Single();
        Assert.Equal(("最低金额", "90"), ((string)filters["条件"]!, Convert.ToString(filters["取值"], CultureInfo.InvariantCulture)));
        Assert.Contains("Xlsx 6 rows", await report.AuditedAsync("report.export"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEmptyResult_StillExportsItsHeaderRow()
    {
        await using var report = await ExportedReport.StartAsync(DataSourceType.Sqlite, Query);

        var (bytes, count) = await report.ExportAsync(report.Admin, ReportExportFormat.Xlsx, new() { ["minimum"] = "100000" });

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: false, sheetName: "数据").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(0, count);
        Assert.Equal(["id", "region", "amount", "formula", "quoted"], Assert.Single(rows).Values.Select(v => v?.ToString()));
    }

    [Fact]
    public async Task WithoutTheExportPermission_NothingIsExported_AndAViewerGetsOnlyTheirScope()
    {
        await using var report = await ExportedReport.StartAsync(DataSourceType.Sqlite, "SELECT id, department_id FROM sales ORDER BY id", scope: new RowScope("department_id", null));
        var department = await report.Harness.DepartmentAsync("exporting");
        await report.Target.ScalarAsync(string.Create(CultureInfo.InvariantCulture, $"UPDATE sales SET department_id = CASE WHEN id <= 3 THEN {department} ELSE 0 END"));
        var viewersOnly = await report.Harness.RoleAsync("view_only", DataScope.All, null, ReportPermissions.Reports.View);
        var exporters = await report.Harness.RoleAsync("exporters", DataScope.Department, null, ReportPermissions.Reports.View, ReportPermissions.Reports.Export);
        var looker = await report.Harness.UserAsync("looker", department, [viewersOnly]);
        var exporter = await report.Harness.UserAsync("exporter", department, [exporters]);

        await Assert.ThrowsAsync<ForbiddenException>(() => report.ExportAsync(looker, ReportExportFormat.Csv, []));
        var (bytes, count) = await report.ExportAsync(exporter, ReportExportFormat.Csv, []);

        Assert.Equal(3, count);
        Assert.Equal(["1", "2", "3"], Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n").Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[0]));
    }

    /// <summary>A published report over the sales of a real engine, and exports of it as a given user.</summary>
    private sealed class ExportedReport(InfrastructureHarness harness, ReportTarget target, long id) : IAsyncDisposable
    {
        public InfrastructureHarness Harness => harness;

        public ReportTarget Target => target;

        public Actor Admin => Actor.System;

        public static async Task<ExportedReport> StartAsync(DataSourceType type, string query, int? displayCap = null, RowScope? scope = null, IReadOnlyList<ColumnSettings>? columns = null)
        {
            var target = await ReportTarget.CreateAsync(type);
            var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
            var source = (await harness.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(target.Input with { MaxRows = displayCap }))).Value;
            ReportParameter[] parameters = query.Contains("{{minimum}}", StringComparison.Ordinal) ? [new("minimum", ReportParameterType.Number, Label: "最低金额")] : [];
            var definition = new ReportDefinition(query, parameters, ReportDisplayType.Table, Columns: columns, Scope: scope);
            var id = await harness.AsSystemAsync(async sp =>
            {
                var reports = sp.GetRequiredService<IReportService>();
                var created = (await reports.CreateAsync(new ReportInput("销售明细", null, null, source, true, false, definition, []))).Value;
                Assert.True((await reports.PublishAsync(created, (await reports.GetAsync(created)).Value.Version)).IsSuccess);
                return created;
            });
            return new ExportedReport(harness, target, id);
        }

        public async Task<(byte[] Bytes, long Count)> ExportAsync(Actor actor, ReportExportFormat format, Dictionary<string, string?> values)
        {
            harness.CurrentUser.Actor = actor;
            return await harness.InScopeAsync(async sp =>
            {
                var export = await sp.GetRequiredService<IReportExporter>().PrepareAsync(id, values, format, Sheet);
                Assert.True(export.IsSuccess, export.Error?.ToString());
                Assert.EndsWith(format == ReportExportFormat.Xlsx ? ".xlsx" : ".csv", export.Value.FileName, StringComparison.Ordinal);
                Assert.StartsWith("销售明细-", export.Value.FileName, StringComparison.Ordinal);
                using var output = new MemoryStream();
                var count = await export.Value.WriteAsync(output);
                return (output.ToArray(), count);
            });
        }

        public async Task<string> AuditedAsync(string action)
        {
            await using var db = await harness.CreateDbContextAsync();
            return string.Join("\n", await db.AuditLogs.AsNoTracking().Where(a => a.Action == action).Select(a => a.Detail ?? "").ToListAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await harness.DisposeAsync();
            await target.DisposeAsync();
        }
    }
}
