using System.Text;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Exports;

/// <summary>
/// CSV as RFC 4180 writes it (comma separated, CRLF line ends, a field with a comma, quote or line break quoted and its
/// quotes doubled), in UTF-8 with a byte order mark so that Excel opens Chinese correctly; raw values, no display format.
/// </summary>
internal static class CsvExportWriter
{
    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<object?[]> rows, Func<IReadOnlyList<QueryColumn>> columns, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        long count = 0;
        var headed = false;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!headed)
            {
                await WriteLineAsync(writer, columns().Select(c => ExportCells.Safe(c.Name)));
                headed = true;
            }

            await WriteLineAsync(writer, row.Select(ExportCells.Text));
            count++;
        }

        if (!headed)
        {
            await WriteLineAsync(writer, columns().Select(c => ExportCells.Safe(c.Name)));
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public static string Field(string text) =>
        text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string> fields) => writer.WriteLineAsync(string.Join(',', fields.Select(Field)));
}
