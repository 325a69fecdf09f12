using Microsoft.Extensions.DependencyInjection;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Scheduler;
using Quartz;
using Quartz.Impl.AdoJobStore.Common;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>Quartz's SQLite store commits several times per fire: its connections carry the portal's pragmas (issue 17).</summary>
public sealed class QuartzSqliteStoreTests
{
    [Fact]
    public async Task QuartzSqliteConnections_CommitWithSynchronousNormal_AndWaitForWriters()
    {
        var file = Path.Combine(Path.GetTempPath(), $"ops-quartz-store-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddQuartz(q => SchedulerModule.ConfigureQuartz(q, new SchedulerOptions(), DatabaseProvider.Sqlite, $"Data Source={file}"));
        await using var provider = services.BuildServiceProvider();
        try
        {
            var db = provider.GetRequiredService<IDbProvider>();
            await using var connection = db.CreateConnection();
            connection.ConnectionString = db.ConnectionString;
            await connection.OpenAsync(TestContext.Current.CancellationToken);

            Assert.Equal(1L, await PragmaAsync(connection, "synchronous"));
            Assert.Equal(5000L, await PragmaAsync(connection, "busy_timeout"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<long> PragmaAsync(System.Data.Common.DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
