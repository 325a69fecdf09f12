using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// A throw-away database for one test: a temporary SQLite file, or a fresh schema on the MariaDB
/// that ./test.sh starts (connection in <c>OPS_TEST_MYSQL</c>, without a database name).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string MySqlVariable = "OPS_TEST_MYSQL";
    public const string RequireAllVariable = "OPS_TEST_REQUIRE_ALL";

    private TestDatabase(DatabaseProvider provider, string connectionString, string? file, string? schema)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _file = file;
        _schema = schema;
    }

    private readonly string? _file;
    private readonly string? _schema;

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>Configuration keys that point the application at this database.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Database:Provider"] = Provider.ToString(),
        ["ConnectionStrings:Ops"] = ConnectionString,
    };

    public static TestDatabase Create(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => CreateSqlite(),
        DatabaseProvider.MySql => CreateMySql(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    private static TestDatabase CreateSqlite()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ops-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
    }

    private static TestDatabase CreateMySql()
    {
        var server = Environment.GetEnvironmentVariable(MySqlVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable(RequireAllVariable) == "1")
            {
                Assert.Fail($"{MySqlVariable} is not set: ./test.sh must start MariaDB for the MySQL tests.");
            }

            Assert.Skip($"{MySqlVariable} is not set; run ./test.sh to include MariaDB.");
        }

        var schema = $"ops_t_{Guid.NewGuid():N}"[..24];
        var builder = new MySqlConnectionStringBuilder(server) { Database = schema };
        return new TestDatabase(DatabaseProvider.MySql, builder.ConnectionString, null, schema);
    }

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
            {
                File.Delete(path);
            }
        }

        if (_schema is not null)
        {
            var builder = new MySqlConnectionStringBuilder(ConnectionString) { Database = "" };
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS `{_schema}`";
            await command.ExecuteNonQueryAsync();
        }
    }
}
