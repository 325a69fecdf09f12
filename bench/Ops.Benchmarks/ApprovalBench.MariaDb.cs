using System.Globalization;
using MySqlConnector;

namespace Ops.Benchmarks;

/// <summary>The bench's own statements to the MariaDB server: counters and the throw-away database.</summary>
internal static partial class ApprovalBench
{
    /// <summary>
    /// MariaDB's count of internal temporary tables it had to put on disk (a query whose intermediate result holds
    /// text columns): each costs file creation in the server, so the action path should cause none.
    /// </summary>
    private static async Task<long> DiskTemporaryTablesAsync(string? mysql)
    {
        if (mysql is null)
        {
            return 0;
        }

        await using var connection = new MySqlConnection(mysql);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SHOW GLOBAL STATUS LIKE 'Created_tmp_disk_tables'";
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? long.Parse(reader.GetString(1), CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Drops the throw-away database, unless BENCH_KEEP=1 keeps it for a look at its queries (EXPLAIN, counters).</summary>
    private static async Task DropAsync(string server, string schema)
    {
        if (Environment.GetEnvironmentVariable("BENCH_KEEP") == "1")
        {
            Console.WriteLine($"  kept database {schema}");
            return;
        }

        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var drop = connection.CreateCommand();
        drop.CommandText = $"DROP DATABASE IF EXISTS `{schema}`";
        await drop.ExecuteNonQueryAsync();
    }
}
