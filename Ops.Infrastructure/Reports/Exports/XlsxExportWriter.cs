using MiniExcelLibs;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Exports;

/// <summary>
/// An Excel workbook with MiniExcel: the rows on the first sheet as they are read (MiniExcel pulls them one by one, so
/// a million rows are never held at once), the filter values the export ran with on the second.
/// </summary>
internal static class XlsxExportWriter
{
    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<object?[]> rows, Func<IReadOnlyList<QueryColumn>> columns,
        string dataSheet, string filtersSheet, IReadOnlyList<IDictionary<string, object?>> filters, CancellationToken cancellationToken)
    {
        long count = 0;
        IEnumerable<IDictionary<string, object?>> Data()
        {
            // MiniExcel enumerates on its own thread: the rows are pulled from the database as it asks for them.
            string[]? headers = null;
            foreach (var row in rows.ToBlockingEnumerable(cancellationToken))
            {
                count++;
                headers ??= Headers(columns());
                var cells = new Dictionary<string, object?>(headers.Length, StringComparer.Ordinal);
                for (var i = 0; i < headers.Length && i < row.Length; i++)
                {
                    cells[headers[i]] = ExportCells.Cell(row[i]);
                }

                yield return cells;
            }
        }

        var sheets = new Dictionary<string, object>
        {
            [dataSheet] = Data(),
            [filtersSheet] = filters,
        };
        // A workbook is a zip, written where it can seek: a temporary file (not memory), then copied out.
        var path = Path.Combine(Path.GetTempPath(), $"ops-export-{Guid.NewGuid():N}.xlsx");
        try
        {
            await Task.Run(() => MiniExcel.SaveAs(path, sheets), cancellationToken);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            await file.CopyToAsync(output, cancellationToken);
        }
        finally
        {
            File.Delete(path);
        }

        return count;
    }

    /// <summary>The columns' headers: names made safe, numbered when two columns share one.</summary>
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
