using MiniExcelLibs;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Common;

/// <summary>One problem found on one row of an imported sheet (1-based row as the user sees it).</summary>
public sealed record ImportRowError(int Row, string Column, string Message);

/// <summary>The outcome of reading a sheet: typed rows when all are valid, otherwise every row's errors.</summary>
public sealed record ImportResult<T>(IReadOnlyList<T> Rows, IReadOnlyList<ImportRowError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Excel export and import on MiniExcel. Import validates every row first; callers write nothing
/// unless the whole sheet is valid.
/// </summary>
public static class ExcelExchange
{
    public static async Task<byte[]> ExportAsync<T>(IEnumerable<T> rows, string sheetName = "Sheet1", CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows, sheetName: sheetName, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>Exports rows with localized column headers, in the given order.</summary>
    public static async Task<byte[]> ExportAsync(
        IEnumerable<IReadOnlyDictionary<string, object?>> rows, string sheetName = "Sheet1", CancellationToken cancellationToken = default)
    {
        using var stream = new MemoryStream();
        // MiniExcel writes IDictionary rows only; most rows already are one (SheetColumns builds dictionaries), so no copy.
        var data = rows.Select(r => r as IDictionary<string, object?> ?? r.ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
        await stream.SaveAsAsync(data, sheetName: sheetName, cancellationToken: cancellationToken);
        return stream.ToArray();
    }

    /// <summary>
    /// Reads the first sheet, the first row holding the headers. <paramref name="parse"/> turns one
    /// row (header → cell) into a value or errors.
    /// </summary>
    public static ImportResult<T> Import<T>(Stream stream, Func<IReadOnlyDictionary<string, string?>, int, Result<T>> parse)
    {
        var rows = new List<T>();
        var errors = new List<ImportRowError>();
        var rowNumber = 1;
        foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: true))
        {
            rowNumber++;
            var cells = raw.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value?.ToString()?.Trim(), StringComparer.OrdinalIgnoreCase);
            if (cells.Values.All(string.IsNullOrEmpty))
            {
                continue;
            }

            var result = parse(cells, rowNumber);
            if (result.IsSuccess)
            {
                rows.Add(result.Value);
            }
            else
            {
                errors.Add(new ImportRowError(rowNumber, result.Error!.Args.FirstOrDefault()?.ToString() ?? "", result.Error.Code));
            }
        }

        return new ImportResult<T>(rows, errors);
    }
}
