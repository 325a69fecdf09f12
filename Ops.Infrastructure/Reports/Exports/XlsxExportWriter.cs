using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Exports;

/// <summary>
/// An Excel workbook with MiniExcel: the rows on the first sheet as they are read (MiniExcel pulls them one by one, so
/// a million rows are never held at once) with the report's column labels, number and date formats, widths, hidden
/// columns and frozen header (and first column); the filter values the export ran with on the second sheet.
/// </summary>
internal static class XlsxExportWriter
{
    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<object?[]> rows, Func<IReadOnlyList<QueryColumn>> columns, ReportDefinition definition,
        string dataSheet, string filtersSheet, IReadOnlyList<IDictionary<string, object?>> filters, CancellationToken cancellationToken)
    {
        // The columns are known once the first row is read: read it before the workbook's settings are made.
        await using var reader = rows.GetAsyncEnumerator(cancellationToken);
        var first = await reader.MoveNextAsync() ? reader.Current : null;
        var headers = Headers(columns());
        long count = 0;
        IEnumerable<IDictionary<string, object?>> Data()
        {
            for (var row = first; row is not null; row = reader.MoveNextAsync().AsTask().GetAwaiter().GetResult() ? reader.Current : null)
            {
                count++;
                var cells = new Dictionary<string, object?>(headers.Length, StringComparer.Ordinal);
                for (var i = 0; i < headers.Length && i < row.Length; i++)
                {
                    cells[headers[i]] = ExportCells.Cell(row[i]);
                }

                yield return cells;
            }
        }

        // No rows: a table of the columns alone, so the sheet still has its header row.
        var sheets = new Dictionary<string, object> { [dataSheet] = first is null ? HeaderOnly(headers) : Data(), [filtersSheet] = filters };
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            FreezeColumnCount = definition.TableOrDefault.FreezeFirstColumn ? 1 : 0,
            DynamicColumns = [.. columns().Select((c, i) => Column(headers[i], c, definition.Column(c.Name))).OfType<DynamicExcelColumn>()],
        };
        // A workbook is a zip, written where it can seek: a temporary file (not memory), then copied out. MiniExcel
        // pulls the rows on this worker thread, waiting on the database as it goes.
        var path = Path.Combine(Path.GetTempPath(), $"ops-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await Task.Run(() => MiniExcel.SaveAs(path, sheets, configuration: configuration), cancellationToken);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await file.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }

        return count;
    }

    /// <summary>Excel's number format for a column's settings, or null for the cell's own.</summary>
    public static string? Format(QueryColumn column, ColumnSettings? settings)
    {
        if (settings is null)
        {
            return null;
        }

        if (column.Kind == QueryColumnKind.DateTime)
        {
            return settings.Pattern is { Length: > 0 } pattern ? pattern : null;
        }

        string Number(int decimals) => (settings.Thousands ? "#,##0" : "0") + (decimals > 0 ? "." + new string('0', decimals) : "");
        return settings.Format switch
        {
            ColumnFormat.Percent => Number(settings.Decimals ?? 1) + "%",
            ColumnFormat.Currency => $"\"{(settings.Currency is { Length: > 0 } symbol ? symbol.Replace("\"", "", StringComparison.Ordinal) : "¥")}\"" + Number(settings.Decimals ?? 2),
            ColumnFormat.Number => Number(settings.Decimals ?? 0),
            ColumnFormat.Auto when settings.Decimals is { } decimals => Number(decimals),
            _ => null,
        };
    }

    private static DynamicExcelColumn? Column(string header, QueryColumn column, ColumnSettings? settings) => settings is null ? null : new DynamicExcelColumn(header)
    {
        Name = settings.Label is { Length: > 0 } label ? ExportCells.Safe(label) : header,
        Format = Format(column, settings),
        Ignore = settings.Hidden,
        // Pixels on screen to Excel's character widths.
        Width = settings.Width is { } width ? Math.Max(4, width / 7.0) : 9.14,
    };

    private static System.Data.DataTable HeaderOnly(string[] headers)
    {
        var table = new System.Data.DataTable();
        foreach (var header in headers)
        {
            table.Columns.Add(header);
        }

        return table;
    }

    /// <summary>The columns' keys: names made safe, numbered when two columns share one.</summary>
    private static string[] Headers(IReadOnlyList<QueryColumn> columns)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. columns.Select(c =>
        {
            var name = ExportCells.Safe(c.Name);
            seen[name] = seen.GetValueOrDefault(name) + 1;
            return seen[name] == 1 ? name : $"{name} ({seen[name]})";
        })];
    }
}
