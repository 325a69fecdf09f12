using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Ops.Domain.Reports;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// A throw-away database that reports query, on a real engine: a <c>sales</c> table of 12 rows over three
/// departments and two owners. The data source uses a read-only account (SELECT only), as the README tells admins
/// to; <see cref="AdminAsync"/> opens the owner's connection to check afterwards that nothing changed.
/// MariaDB and PostgreSQL come from ./test.sh (<c>OPS_TEST_MYSQL</c>, <c>OPS_TEST_POSTGRES</c>).
/// </summary>
public sealed partial class ReportTarget : IAsyncDisposable
{
    public const string PostgresVariable = "OPS_TEST_POSTGRES";

    /// <summary>department_id, owner_id, region, amount, sold_on: departments 1–3, owners 10 and 20.</summary>
    public static readonly (int Department, int Owner, string Region, decimal Amount, string Day)[] Sales =
    [
        (1, 10, "east", 100m, "2026-01-05"), (1, 10, "east", 150m, "2026-01-20"), (1, 20, "west", 80m, "2026-02-03"),
        (2, 20, "west", 200m, "2026-02-14"), (2, 20, "north", 50m, "2026-03-01"), (2, 10, "north", 75m, "2026-03-09"),
        (3, 10, "south", 300m, "2026-03-15"), (3, 20, "south", 25m, "2026-04-02"), (3, 20, "east", 60m, "2026-04-18"),
        (1, 10, "west", 90m, "2026-05-01"), (2, 10, "south", 110m, "2026-05-20"), (3, 20, "north", 40m, "2026-06-30"),
    ];

    private readonly Func<DbConnection>? _admin;
    private readonly Func<string, Task<long>>? _scalar;
    private readonly Func<Task> _drop;

    private ReportTarget(DataSourceType type, DataSourceInput input, Func<DbConnection> admin, Func<Task> drop)
    {
        Type = type;
        Input = input;
        _admin = admin;
        _drop = drop;
    }

    /// <summary>A target without an ADO.NET driver: the owner's reads go through <paramref name="scalar"/>.</summary>
    private ReportTarget(DataSourceType type, DataSourceInput input, Func<string, Task<long>> scalar, Func<Task> drop)
    {
        Type = type;
        Input = input;
        _scalar = scalar;
        _drop = drop;
    }

    public DataSourceType Type { get; }

    /// <summary>The data source, on the read-only account.</summary>
    public DataSourceInput Input { get; }

    public static TheoryData<DataSourceType> Engines => [DataSourceType.Sqlite, DataSourceType.MySql, DataSourceType.PostgreSql, DataSourceType.ClickHouse];

    public static Task<ReportTarget> CreateAsync(DataSourceType type) => type switch
    {
        DataSourceType.Sqlite => CreateSqliteAsync(),
        DataSourceType.MySql => CreateMySqlAsync(),
        DataSourceType.PostgreSql => CreatePostgresAsync(),
        DataSourceType.ClickHouse => CreateClickHouseAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public async Task<DbConnection> AdminAsync()
    {
        var connection = (_admin ?? throw new InvalidOperationException($"{Type} has no ADO.NET connection"))();
        await connection.OpenAsync();
        return connection;
    }

    public async Task<long> ScalarAsync(string sql)
    {
        if (_scalar is not null)
        {
            return await _scalar(sql);
        }

        await using var connection = await AdminAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await _drop();

    private static string SalesTable(string decimalType, string dateType) =>
        $"CREATE TABLE sales (id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL, owner_id INTEGER NOT NULL, region VARCHAR(20) NOT NULL, amount {decimalType} NOT NULL, sold_on {dateType} NOT NULL)";

    private static async Task FillAsync(DbConnection connection, string create)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = create;
        await command.ExecuteNonQueryAsync();
        for (var i = 0; i < Sales.Length; i++)
        {
            var s = Sales[i];
            command.CommandText = FormattableString.Invariant(
                $"INSERT INTO sales (id, department_id, owner_id, region, amount, sold_on) VALUES ({i + 1}, {s.Department}, {s.Owner}, '{s.Region}', {s.Amount}, '{s.Day}')");
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<ReportTarget> CreateSqliteAsync()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ops-report-{Guid.NewGuid():N}.db");
        await using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await FillAsync(connection, SalesTable("NUMERIC", "TEXT"));
        }

        // SQLite has no accounts: the source is opened read-only, which is the file's guard.
        var input = new DataSourceInput("sqlite sales", DataSourceType.Sqlite, null, null, file, null, null, null, true);
        return new ReportTarget(DataSourceType.Sqlite, input, () => new SqliteConnection($"Data Source={file}"), () =>
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
            return Task.CompletedTask;
        });
    }

    private static async Task<ReportTarget> CreateMySqlAsync()
    {
        var server = Server(TestDatabase.MySqlVariable);
        var schema = $"ops_r_{Guid.NewGuid():N}"[..22];
        var reader = schema.Replace("ops_r_", "ro_", StringComparison.Ordinal);
        var admin = new MySqlConnectionStringBuilder(server) { Database = schema };
        await using (var connection = new MySqlConnection(server))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection,
                $"CREATE DATABASE {schema}",
                $"CREATE USER '{reader}'@'localhost' IDENTIFIED BY 'reader'",
                $"CREATE USER '{reader}'@'127.0.0.1' IDENTIFIED BY 'reader'",
                $"GRANT SELECT ON {schema}.* TO '{reader}'@'localhost'",
                $"GRANT SELECT ON {schema}.* TO '{reader}'@'127.0.0.1'");
        }

        await using (var connection = new MySqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await FillAsync(connection, SalesTable("DECIMAL(12,2)", "DATE"));
        }

        var input = new DataSourceInput("mariadb sales", DataSourceType.MySql, admin.Server, (int)admin.Port, schema, reader, "reader", "SslMode=None", true);
        return new ReportTarget(DataSourceType.MySql, input, () => new MySqlConnection(admin.ConnectionString), async () =>
        {
            MySqlConnection.ClearAllPools();
            await using var connection = new MySqlConnection(server);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {schema}", $"DROP USER IF EXISTS '{reader}'@'localhost'", $"DROP USER IF EXISTS '{reader}'@'127.0.0.1'");
        });
    }

    private static async Task<ReportTarget> CreatePostgresAsync()
    {
        var server = Server(PostgresVariable);
        var database = $"ops_r_{Guid.NewGuid():N}"[..22];
        var reader = database.Replace("ops_r_", "ro_", StringComparison.Ordinal);
        var admin = new NpgsqlConnectionStringBuilder(server) { Database = database, Pooling = false };
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"CREATE DATABASE {database}", $"CREATE ROLE {reader} LOGIN PASSWORD 'reader'");
        }

        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await FillAsync(connection, SalesTable("NUMERIC(12,2)", "DATE"));
            await ExecuteAsync(connection, $"GRANT SELECT ON sales TO {reader}", $"REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        }

        var input = new DataSourceInput("postgres sales", DataSourceType.PostgreSql, admin.Host, admin.Port, database, reader, "reader", null, true);
        return new ReportTarget(DataSourceType.PostgreSql, input, () => new NpgsqlConnection(admin.ConnectionString), async () =>
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"DROP ROLE IF EXISTS {reader}");
        });
    }

    private static string Server(string variable)
    {
        var server = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable(TestDatabase.RequireAllVariable) == "1")
            {
                Assert.Fail($"{variable} is not set: ./test.sh must start the server for the report tests.");
            }

            Assert.Skip($"{variable} is not set; run ./test.sh to include it.");
        }

        return server;
    }

    private static async Task ExecuteAsync(DbConnection connection, params string[] statements)
    {
        await using var command = connection.CreateCommand();
        foreach (var sql in statements)
        {
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }
}
