using MySqlConnector;

namespace Ops.Benchmarks;

/// <summary>A throw-away MariaDB schema for a bench: created with one table, read back plainly (the baselines), dropped.</summary>
internal static class BenchSchema
{
    /// <summary>Creates the database <paramref name="target"/> names and runs <paramref name="createTable"/> in it; the connection stays open for seeding.</summary>
    public static async Task<MySqlConnection> CreateAsync(string server, string target, string createTable)
    {
        await using (var connection = new MySqlConnection(server))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"CREATE DATABASE `{new MySqlConnectionStringBuilder(target).Database}`");
        }

        var db = new MySqlConnection(target);
        await db.OpenAsync();
        await ExecuteAsync(db, createTable);
        return db;
    }

    /// <summary>Drops the schema (kept when <c>BENCH_KEEP=1</c>, to look at it afterwards).</summary>
    public static async Task DropAsync(string server, string schema)
    {
        MySqlConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1")
        {
            return;
        }

        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS `{schema}`");
    }

    /// <summary>The baseline read: every row of <paramref name="sql"/> through MySqlConnector into one reused array.</summary>
    public static async Task<long> ReadAllAsync(MySqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        var values = new object[reader.FieldCount];
        while (await reader.ReadAsync())
        {
            reader.GetValues(values);
            rows++;
        }

        return rows;
    }

    public static async Task ExecuteAsync(MySqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
