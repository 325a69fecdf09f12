using System.Data;
using System.Data.Common;

namespace Ops.Benchmarks;

/// <summary>
/// The rows of one finished two-step application as the portal wrote them (the instance, tasks 1 and 2, records 1
/// to 3), replayed as plain SQL by the approvals baseline: the same columns and values, with the state of each step.
/// </summary>
internal sealed class PlainTemplate
{
    private const string Instances = "t_workflow_instance";
    private const string Tasks = "t_workflow_task";
    private const string Records = "t_workflow_record";

    private readonly Dictionary<string, object> _instance;
    private readonly Dictionary<string, object>[] _tasks;
    private readonly Dictionary<string, object>[] _records;

    private PlainTemplate(Dictionary<string, object> instance, Dictionary<string, object>[] tasks, Dictionary<string, object>[] records)
    {
        (_instance, _tasks, _records) = (instance, tasks, records);
    }

    public static async Task<PlainTemplate> ReadAsync(DbConnection connection, long instanceId)
    {
        var instance = (await RowsAsync(connection, $"SELECT * FROM {Instances} WHERE `Id` = {instanceId}")).Single();
        var tasks = await RowsAsync(connection, $"SELECT * FROM {Tasks} WHERE `InstanceId` = {instanceId} ORDER BY `Number`");
        var records = await RowsAsync(connection, $"SELECT * FROM {Records} WHERE `InstanceId` = {instanceId} ORDER BY `Number`");
        if (tasks.Count != 2 || records.Count != 3)
        {
            throw new InvalidOperationException($"instance {instanceId} is not a finished two-step application ({tasks.Count} tasks, {records.Count} records)");
        }

        return new PlainTemplate(instance, [.. tasks], [.. records]);
    }

    /// <summary>Start + submit: the instance at A, its Submit record, task 1 pending. Returns the new instance's id.</summary>
    public async Task<long> StartAsync(DbConnection connection, DbTransaction transaction)
    {
        var id = (long)Convert.ChangeType((await InsertAsync(connection, transaction, Instances, _instance, new()
        {
            ["Status"] = "Pending", ["CurrentNodeKey"] = _tasks[0]["NodeKey"], ["FinishedAt"] = DBNull.Value, ["RecordCount"] = 1, ["Version"] = 1,
        }))!, typeof(long), System.Globalization.CultureInfo.InvariantCulture);
        await InsertAsync(connection, transaction, Records, _records[0], new() { ["InstanceId"] = id });
        await InsertAsync(connection, transaction, Tasks, _tasks[0], Pending(id));
        return id;
    }

    /// <summary>Approves task <paramref name="number"/> (1 at A, 2 at B) under the instance's version; the last one approves the instance.</summary>
    public async Task<long> ApproveAsync(DbConnection connection, DbTransaction transaction, long id, int number)
    {
        var version = Convert.ToInt32(await ScalarAsync(connection, transaction, $"SELECT `Version` FROM {Instances} WHERE `Id` = @p0", id), System.Globalization.CultureInfo.InvariantCulture);
        var task = _tasks[number - 1];
        await ExecuteAsync(connection, transaction,
            $"UPDATE {Tasks} SET `Status` = 'Approved', `HandledAt` = @p0, `HandledById` = @p1, `Comment` = @p2, `Version` = `Version` + 1 WHERE `InstanceId` = @p3 AND `Number` = @p4",
            task["HandledAt"], task["HandledById"], task["Comment"], id, number);
        await InsertAsync(connection, transaction, Records, _records[number], new() { ["InstanceId"] = id });
        int moved;
        if (number < _tasks.Length)
        {
            await InsertAsync(connection, transaction, Tasks, _tasks[number], Pending(id));
            moved = await ExecuteAsync(connection, transaction,
                $"UPDATE {Instances} SET `CurrentNodeKey` = @p0, `RecordCount` = @p1, `LastActionAt` = @p2, `Version` = `Version` + 1 WHERE `Id` = @p3 AND `Version` = @p4",
                _tasks[number]["NodeKey"], number + 1, _instance["LastActionAt"], id, version);
        }
        else
        {
            moved = await ExecuteAsync(connection, transaction,
                $"UPDATE {Instances} SET `Status` = @p0, `CurrentNodeKey` = @p1, `FinishedAt` = @p2, `RecordCount` = @p3, `LastActionAt` = @p4, `Version` = `Version` + 1 WHERE `Id` = @p5 AND `Version` = @p6",
                _instance["Status"], _instance["CurrentNodeKey"], _instance["FinishedAt"], number + 1, _instance["LastActionAt"], id, version);
        }

        return moved == 1 ? id : throw new DBConcurrencyException($"instance {id} moved under the baseline");
    }

    private static Dictionary<string, object> Pending(long id) => new()
    {
        ["InstanceId"] = id, ["Status"] = "Pending", ["HandledAt"] = DBNull.Value, ["HandledById"] = DBNull.Value, ["Comment"] = DBNull.Value, ["Version"] = 0,
    };

    private static Task<object?> InsertAsync(DbConnection connection, DbTransaction transaction, string table, Dictionary<string, object> row, Dictionary<string, object> changes)
    {
        var columns = row.Keys.Where(c => c != "Id").ToList();
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"`{c}`"))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))}) RETURNING `Id`";
        return ScalarAsync(connection, transaction, sql, [.. columns.Select(c => changes.TryGetValue(c, out var value) ? value : row[c])]);
    }

    private static async Task<object?> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, params object?[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, params object?[] values)
    {
        await using var command = Command(connection, transaction, sql, values);
        return await command.ExecuteNonQueryAsync();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, object?[] values)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = values[i] ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<List<Dictionary<string, object>>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = Command(connection, null, sql, []);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, reader.GetValue));
        }

        return rows;
    }
}
