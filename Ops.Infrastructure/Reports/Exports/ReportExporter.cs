using System.Globalization;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Infrastructure.Reports.Exports;

/// <summary>
/// Excel and CSV exports of a published report, checked as viewing is (permission, visibility, the viewer's data scope)
/// plus <c>report.reports.export</c>; the rows stream from the data source into the file. Each export is audited with its
/// format and row count.
/// </summary>
internal sealed class ReportExporter(IPermissionGuard guard, ReportViewer viewer, ReportQueryRunner runner, IAuditTrail audit, TimeProvider clock) : IReportExporter
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<Result<ReportExport>> PrepareAsync(long id, IReadOnlyDictionary<string, string?> values, ReportExportFormat format, SheetFormat sheet, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Export, cancellationToken);
        if (!Enum.IsDefined(format))
        {
            return Error.Invalid("report.export.format_invalid");
        }

        var prepared = await viewer.PrepareNamedAsync(id, values, draft: false, cancellationToken, ReportPermissions.Reports.Export);
        if (prepared.IsFailure)
        {
            return prepared.Error!;
        }

        var (run, definition, name) = prepared.Value;
        var stream = runner.Stream(run, IReportExporter.MaxRows);
        if (stream.IsFailure)
        {
            return stream.Error!;
        }

        var filters = definition.Parameters.Where(p => p.IsSettable).Select(p => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [sheet.Text("report.export.parameter")] = ExportCells.Safe(p.Label ?? p.Name),
            [sheet.Text("report.export.value")] = ExportCells.Safe((values.TryGetValue(p.Name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : p.Default) ?? ""),
        }).ToList();
        var file = $"{FileName(name)}-{clock.GetUtcNow():yyyyMMdd-HHmm}.{(format == ReportExportFormat.Xlsx ? "xlsx" : "csv")}";
        return new ReportExport(file, format == ReportExportFormat.Xlsx ? XlsxType : "text/csv; charset=utf-8", async (output, token) =>
        {
            var rows = stream.Value.Rows(token);
            var count = format == ReportExportFormat.Xlsx
                ? await XlsxExportWriter.WriteAsync(output, rows, () => stream.Value.Columns, definition, sheet.Text("report.export.data_sheet"), sheet.Text("report.export.filters_sheet"), filters, token)
                : await CsvExportWriter.WriteAsync(output, rows, () => stream.Value.Columns, token);
            await audit.RecordAsync(new AuditEntry("report", "report.export", "report", id.ToString(CultureInfo.InvariantCulture), AuditResult.Success,
                string.Create(CultureInfo.InvariantCulture, $"{format} {count} rows")), CancellationToken.None);
            return count;
        });
    }

    /// <summary>The report's name without the characters file systems refuse.</summary>
    private static string FileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['"', '<', '>', '|', ':', '*', '?', '\\', '/']).ToHashSet();
        var clean = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        return clean.Length == 0 ? "report" : clean.Length > 80 ? clean[..80] : clean;
    }
}
