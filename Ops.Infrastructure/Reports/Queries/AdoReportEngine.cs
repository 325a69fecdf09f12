using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>
/// Report queries on the engines with an ADO.NET driver: MySQL/MariaDB, PostgreSQL, SQLite. Each query runs in the
/// engine's read-only mode whatever the data source allows (a read-only transaction; SQLite opened read-only with
/// <c>query_only</c>), under a server-side statement timeout with the client's as a backstop, and stops reading at the
/// row cap.
/// </summary>
internal sealed class AdoReportEngine(DataSourceConnections connections) : IReportEngine
{
    public bool Handles(DataSourceType type) => type is DataSourceType.MySql or DataSourceType.PostgreSql or DataSourceType.Sqlite;

    public IQueryShape Shape(DataSourceType type) => type switch
    {
        DataSourceType.MySql => new SqlQueryShape(SqlDialect.MySql, Placeholder, column => $"`{column.Replace("`", "``", StringComparison.Ordinal)}`"),
        DataSourceType.PostgreSql => new SqlQueryShape(SqlDialect.PostgreSql, Placeholder, QuoteDouble),
        _ => new SqlQueryShape(SqlDialect.Sqlite, Placeholder, QuoteDouble),
    };

    public async Task<IReadOnlyList<SchemaTable>> SchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(source, new BoundQuery(SchemaQuery(source.Type), []), source.Limits with { MaxRows = 50_000 }, cancellationToken);
        return QueryShapes.Tables(rows, QueryShapes.MaxSchemaTables);
    }

    public async Task<string> ProbeAsync(DataSource source, CancellationToken cancellationToken)
    {
        await using var opened = await connections.OpenAsync(source, cancellationToken);
        await using var command = opened.Connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancellationToken);
        return opened.Connection.ServerVersion;
    }

    private static string Placeholder(string name) => "@" + name;

    private static string QuoteDouble(string column) => $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string SchemaQuery(DataSourceType type) => type switch
    {
        DataSourceType.MySql => "SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION",
        DataSourceType.PostgreSql => "SELECT CASE WHEN table_schema = 'public' THEN table_name ELSE table_schema || '.' || table_name END, column_name, data_type "
            + "FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_schema, table_name, ordinal_position",
        _ => "SELECT m.name, p.name, p.type FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type IN ('table', 'view') AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid",
    };

    public async Task<QueryResult> RunAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // SQLite has no server to stop the statement: the interrupt does, a little after the limit the others enforce.
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds + (source.Type == DataSourceType.Sqlite ? 0 : 10)));
        try
        {
            await using var opened = await OpenAsync(source, timeout.Token);
            await using var transaction = await BeginReadOnlyAsync(opened.Connection, limits, timeout.Token);
            await using var command = Command(opened.Connection, transaction, query, limits);
            return await ReadAsync(command, limits, watch, timeout.Token);
        }
        catch (Exception ex) when (IsTimeout(ex) || (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            throw new QueryTimeoutException(limits.TimeoutSeconds, ex);
        }
    }

    public async IAsyncEnumerable<object?[]> StreamAsync(DataSource source, BoundQuery query, QueryLimits limits, Action<IReadOnlyList<QueryColumn>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds + (source.Type == DataSourceType.Sqlite ? 0 : 10)));
        await using var opened = await OpenAsync(source, timeout.Token);
        await using var transaction = await BeginReadOnlyAsync(opened.Connection, limits, timeout.Token);
        await using var command = Command(opened.Connection, transaction, query, limits);
        await using var reader = await command.ExecuteReaderAsync(timeout.Token);
        columns([.. Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), Kind(reader.GetFieldType(i))))]);
        var read = 0;
        while (await reader.ReadAsync(timeout.Token))
        {
            if (read++ == limits.MaxRows)
            {
                command.Cancel();
                yield break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Normalize(reader.GetValue(i));
            }

            yield return row;
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, BoundQuery query, QueryLimits limits)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = query.Sql;
        command.CommandTimeout = limits.TimeoutSeconds + 10;
        foreach (var parameter in query.Parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + parameter.Name;
            p.Value = parameter.Value ?? DBNull.Value;
            command.Parameters.Add(p);
        }

        return command;
    }

    private async Task<OpenedSource> OpenAsync(DataSource source, CancellationToken cancellationToken)
    {
        try
        {
            return await connections.OpenAsync(source, cancellationToken, readOnly: true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new DataSourceUnreachableException(ex.Message, ex);
        }
    }

    private static async Task<QueryResult> ReadAsync(DbCommand command, QueryLimits limits, Stopwatch watch, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(i => new QueryColumn(reader.GetName(i), Kind(reader.GetFieldType(i)))).ToList();
        var rows = new List<object?[]>();
        var truncated = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == limits.MaxRows)
            {
                truncated = true;
                // Stop the server sending the rest: closing the reader would otherwise read it all.
                command.Cancel();
                break;
            }

            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Normalize(reader.GetValue(i));
            }

            rows.Add(row);
        }

        // SQLite reports a column's type from its first value: refine the kinds from the rows read.
        columns = columns.Select((c, i) => c with { Kind = rows.Select(r => r[i]).FirstOrDefault(v => v is not null) is { } v ? KindOf(v) : c.Kind }).ToList();
        return new QueryResult(columns, rows, truncated, watch.Elapsed.TotalMilliseconds);
    }

    private static async Task<DbTransaction?> BeginReadOnlyAsync(DbConnection connection, QueryLimits limits, CancellationToken cancellationToken)
    {
        switch (connection)
        {
            case MySqlConnection mysql:
                // MariaDB names the limit in seconds, MySQL in milliseconds.
                var limit = mysql.ServerVersion.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)
                    ? string.Create(CultureInfo.InvariantCulture, $"SET SESSION max_statement_time = {limits.TimeoutSeconds}")
                    : string.Create(CultureInfo.InvariantCulture, $"SET SESSION max_execution_time = {limits.TimeoutSeconds * 1000}");
                await ExecuteAsync(connection, null, limit, cancellationToken);
                await ExecuteAsync(connection, null, "START TRANSACTION READ ONLY", cancellationToken);
                return null;
            case NpgsqlConnection postgres:
                var transaction = await postgres.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, "SET TRANSACTION READ ONLY", cancellationToken);
                await ExecuteAsync(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"SET LOCAL statement_timeout = {limits.TimeoutSeconds * 1000}"), cancellationToken);
                return transaction;
            case SqliteConnection:
                await ExecuteAsync(connection, null, "PRAGMA query_only = 1", cancellationToken);
                return null;
            default:
                return null;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static bool IsTimeout(Exception ex) => ex switch
    {
        // MariaDB 1969 (max_statement_time), MySQL 3024 (max_execution_time)
        MySqlException mysql => mysql.Number is 1969 or 3024,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.QueryCanceled,
        SqliteException sqlite => sqlite.SqliteErrorCode == 9,
        _ => false,
    };

    private static object? Normalize(object value) => value switch
    {
        string or bool or long or decimal or double or DateTime => value,
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong u => (decimal)u,
        float f => (double)f,
        DateTimeOffset o => o.UtcDateTime,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss", CultureInfo.InvariantCulture),
        byte[] bytes => string.Create(CultureInfo.InvariantCulture, $"({bytes.Length} bytes)"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static QueryColumnKind Kind(Type type) => Type.GetTypeCode(type) switch
    {
        TypeCode.Boolean => QueryColumnKind.Boolean,
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
            or TypeCode.Single or TypeCode.Double or TypeCode.Decimal => QueryColumnKind.Number,
        TypeCode.DateTime => QueryColumnKind.DateTime,
        _ => type == typeof(DateTimeOffset) || type == typeof(DateOnly) ? QueryColumnKind.DateTime : QueryColumnKind.Text,
    };

    private static QueryColumnKind KindOf(object value) => value switch
    {
        bool => QueryColumnKind.Boolean,
        long or decimal or double => QueryColumnKind.Number,
        DateTime => QueryColumnKind.DateTime,
        _ => QueryColumnKind.Text,
    };
}
