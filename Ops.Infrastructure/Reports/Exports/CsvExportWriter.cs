using System.Text;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Exports;

/// <summary>
/// CSV as RFC 4180 writes it (comma separated, CRLF line ends, a field with a comma, quote or line break quoted and its
/// quotes doubled), in UTF-8 with a byte order mark so that Excel opens Chinese correctly; raw values, no display format.
/// Lines are built in one reused buffer and handed to the writer some 32,000 characters at a time.
/// </summary>
internal static class CsvExportWriter
{
    public static async Task<long> WriteAsync(Stream output, IAsyncEnumerable<object?[]> rows, Func<IReadOnlyList<QueryColumn>> columns, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        var line = new StringBuilder(40_000);
        long count = 0;
        var headed = false;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (!headed)
            {
                Header(line, columns());
                headed = true;
            }

            for (var i = 0; i < row.Length; i++)
            {
                Append(line.Append(i == 0 ? "" : ","), ExportCells.Text(row[i]));
            }

            line.Append("\r\n");
            count++;
            if (line.Length >= 32_000)
            {
                await writer.WriteAsync(line);
                line.Clear();
            }
        }

        if (!headed)
        {
            Header(line, columns());
        }

        await writer.WriteAsync(line);
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public static string Field(string text) => Append(new StringBuilder(text.Length + 2), text).ToString();

    private static StringBuilder Header(StringBuilder line, IReadOnlyList<QueryColumn> columns)
    {
        line.Clear();
        for (var i = 0; i < columns.Count; i++)
        {
            Append(line.Append(i == 0 ? "" : ","), ExportCells.Safe(columns[i].Name));
        }

        return line.Append("\r\n");
    }

    private static StringBuilder Append(StringBuilder line, string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") < 0 ? line.Append(text) : line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
}
