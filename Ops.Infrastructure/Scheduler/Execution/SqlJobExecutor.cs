using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// Runs a statement on a data source. Run parameters are bound as named parameters (<c>@name</c>),
/// never pasted into the SQL. A query keeps its first rows; anything else reports rows affected.
/// </summary>
internal sealed class SqlJobExecutor(IDbContextFactory<OpsDbContext> factory, DataSourceConnections connections) : IJobExecutor
{
    public const int FirstRows = 20;

    public JobType Type => JobType.Sql;

    public async Task<ExecutionResult> ExecuteAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var config = (SqlJobConfig)execution.Config;
        DataSource? source;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            source = await db.DataSources.AsNoTracking().SingleOrDefaultAsync(d => d.Id == config.DataSourceId, cancellationToken);
        }

        if (source is null || !source.Enabled)
        {
            return ExecutionResult.Failed(RunTexts.DataSourceMissing(config.DataSourceId));
        }

        await using var opened = await connections.OpenAsync(source, cancellationToken);
        await using var command = opened.Connection.CreateCommand();
        command.CommandText = config.Statement;
        command.CommandTimeout = config.StatementTimeoutSeconds;
        foreach (var (name, value) in execution.Parameters)
        {
            if (config.Statement.Contains("@" + name, StringComparison.Ordinal))
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@" + name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }
        }

        execution.Output($"{source.Type} {source.Name}: executing");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = reader.FieldCount > 0 ? await FirstRowsAsync(reader, cancellationToken) : RowsAffected(reader.RecordsAffected);
        execution.Output(result.Split('\n')[0]);
        return ExecutionResult.Ok(result);
    }

    private static string RowsAffected(int count) => string.Create(CultureInfo.InvariantCulture, $"{Math.Max(count, 0)} rows affected");

    private static async Task<string> FirstRowsAsync(DbDataReader reader, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        text.AppendJoin('\t', columns).Append('\n');
        var rows = 0;
        var more = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows == FirstRows)
            {
                more = true;
                break;
            }

            var values = Enumerable.Range(0, reader.FieldCount)
                .Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
            text.AppendJoin('\t', values).Append('\n');
            rows++;
        }

        var header = string.Create(CultureInfo.InvariantCulture, $"{rows} rows{(more ? $" (first {FirstRows} shown)" : "")}\n");
        return header + text;
    }
}
