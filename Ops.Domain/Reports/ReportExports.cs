using Ops.Domain.Common;

namespace Ops.Domain.Reports;

/// <summary>The file formats a report exports to.</summary>
public enum ReportExportFormat
{
    Xlsx,
    Csv,
}

/// <summary>
/// A checked export, ready to write: the caller sets the download's name and type, then writes the rows (read from the
/// database as they are written; the count is returned). Nothing runs until <see cref="WriteAsync"/>.
/// </summary>
public sealed class ReportExport(string fileName, string contentType, Func<Stream, CancellationToken, Task<long>> write)
{
    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;

    public Task<long> WriteAsync(Stream output, CancellationToken cancellationToken = default) => write(output, cancellationToken);
}

/// <summary>
/// Exports a published report for the caller, with the viewer's permission, visibility and data scope, plus the export
/// permission: every row of the result (not the display cap) up to <see cref="MaxRows"/>, Excel's rows per sheet.
/// </summary>
public interface IReportExporter
{
    public const int MaxRows = 1_048_575;

    /// <param name="sheet">Texts of the sheet names and headers in the viewer's language.</param>
    Task<Result<ReportExport>> PrepareAsync(long id, IReadOnlyDictionary<string, string?> values, ReportExportFormat format, SheetFormat sheet, CancellationToken cancellationToken = default);
}
