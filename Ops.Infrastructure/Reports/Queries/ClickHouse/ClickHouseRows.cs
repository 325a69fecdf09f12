using System.Globalization;
using System.Text;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.ClickHouse;

/// <summary>
/// Reads ClickHouse's <c>TabSeparatedWithNamesAndTypes</c> as it streams: names, types, then one row a line with
/// backslash escapes and <c>\N</c> for NULL. It stops at the row cap, so the rest is never read.
/// </summary>
internal static class ClickHouseRows
{
    /// <exception cref="QueryTimeoutException">The server stopped the query after it began to send rows.</exception>
    /// <exception cref="QueryEngineException">The server failed after it began to send rows.</exception>
    public static async Task<QueryResult> ReadAsync(Stream body, QueryLimits limits, System.Diagnostics.Stopwatch watch, CancellationToken cancellationToken)
    {
        IReadOnlyList<QueryColumn> columns = [];
        var rows = new List<object?[]>();
        await foreach (var row in StreamAsync(body, limits.MaxRows + 1, limits.TimeoutSeconds, c => columns = c, cancellationToken))
        {
            rows.Add(row);
        }

        var truncated = rows.Count > limits.MaxRows;
        return new QueryResult(columns, truncated ? rows[..limits.MaxRows] : rows, truncated, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>At most <paramref name="limit"/> rows, one at a time; <paramref name="columns"/> hears the columns first.</summary>
    public static async IAsyncEnumerable<object?[]> StreamAsync(Stream body, int limit, int timeoutSeconds, Action<IReadOnlyList<QueryColumn>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var first = await reader.ReadLineAsync(cancellationToken) ?? "";
        if (ClickHouseError.IsErrorLine(first))
        {
            throw ClickHouseError.ToException(System.Net.HttpStatusCode.OK, first, timeoutSeconds);
        }

        var names = Fields(first);
        var types = Fields(await reader.ReadLineAsync(cancellationToken) ?? "");
        var kinds = names.Select((n, i) => new QueryColumn(n ?? "", Kind(i < types.Count ? types[i] ?? "" : ""))).ToList();
        columns(kinds);
        var read = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            // A failure after the first bytes comes as the last line of the body (the status is already sent).
            if (ClickHouseError.IsErrorLine(line))
            {
                throw ClickHouseError.ToException(System.Net.HttpStatusCode.OK, line, timeoutSeconds);
            }

            if (read++ == limit)
            {
                yield break;
            }

            var fields = Fields(line);
            var row = new object?[kinds.Count];
            for (var i = 0; i < row.Length && i < fields.Count; i++)
            {
                row[i] = Value(fields[i], kinds[i].Kind, i < types.Count ? types[i] ?? "" : "");
            }

            yield return row;
        }
    }

    /// <summary>The fields of one line, unescaped; null for <c>\N</c>.</summary>
    public static IReadOnlyList<string?> Fields(string line)
    {
        var fields = new List<string?>();
        var field = new StringBuilder();
        var nullField = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\t')
            {
                fields.Add(nullField ? null : field.ToString());
                field.Clear();
                nullField = false;
            }
            else if (c == '\\' && i + 1 < line.Length)
            {
                var next = line[++i];
                if (next == 'N' && field.Length == 0 && (i + 1 == line.Length || line[i + 1] == '\t'))
                {
                    nullField = true;
                    continue;
                }

                field.Append(next switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', 'b' => '\b', 'f' => '\f', _ => next });
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(nullField ? null : field.ToString());
        return fields;
    }

    private static QueryColumnKind Kind(string type)
    {
        var inner = Unwrap(type);
        return inner switch
        {
            _ when inner.StartsWith("Int", StringComparison.Ordinal) || inner.StartsWith("UInt", StringComparison.Ordinal)
                || inner.StartsWith("Float", StringComparison.Ordinal) || inner.StartsWith("Decimal", StringComparison.Ordinal) => QueryColumnKind.Number,
            _ when inner.StartsWith("Date", StringComparison.Ordinal) => QueryColumnKind.DateTime,
            _ => QueryColumnKind.Text,
        };
    }

    /// <summary><c>Nullable(T)</c> and <c>LowCardinality(T)</c> read as T.</summary>
    private static string Unwrap(string type)
    {
        foreach (var wrapper in new[] { "Nullable(", "LowCardinality(" })
        {
            if (type.StartsWith(wrapper, StringComparison.Ordinal) && type.EndsWith(')'))
            {
                return Unwrap(type[wrapper.Length..^1]);
            }
        }

        return type;
    }

    private static object? Value(string? text, QueryColumnKind kind, string type)
    {
        if (text is null)
        {
            return null;
        }

        return kind switch
        {
            QueryColumnKind.Number when Unwrap(type).StartsWith("Float", StringComparison.Ordinal) =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : text switch { "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.NaN },
            QueryColumnKind.Number when Unwrap(type).StartsWith("Decimal", StringComparison.Ordinal) || Unwrap(type) is "UInt64" or "Int128" or "UInt128" or "Int256" or "UInt256" =>
                decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : text,
            QueryColumnKind.Number => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : text,
            // ClickHouse writes times in the server's zone; a report shows them as stored (the query decides the zone).
            QueryColumnKind.DateTime => DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : text,
            _ => text,
        };
    }
}
