using Microsoft.Data.Sqlite;
using MySqlConnector;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;

using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.Reports;

/// <summary>Data sources keep their password encrypted and write-only, test their connection for real, and serve SQL jobs on SQLite and MariaDB.</summary>
public sealed class SqlAndDataSourceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SqlJob_RunsAStatementOnTheDataSource_WithBoundParameters(DatabaseProvider provider)
    {
        await using var target = TestDatabase.Create(provider);
        // On SQLite the target is a file of its own: the portal refuses its own database as a data source.
        await using var host = await SchedulerHost.StartAsync(provider, database: provider == DatabaseProvider.MySql ? target : null);
        var source = await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(InputFor(target)));
        Assert.True(source.IsSuccess, source.Error?.ToString());

        var create = await host.CreateJobAsync(Sql(source.Value, "CREATE TABLE IF NOT EXISTS job_probe (name VARCHAR(50))", "create"));
        var insert = await host.CreateJobAsync(Sql(source.Value, "INSERT INTO job_probe (name) VALUES (@who)", "insert"));
        var select = await host.CreateJobAsync(Sql(source.Value, "SELECT name FROM job_probe", "select"));
        Assert.Equal(JobRunStatus.Success, (await host.WaitForAsync(await host.RunNowAsync(create))).Status);
        var inserted = await host.WaitForAsync(await host.RunNowAsync(insert, "{\"who\":\"x'); DROP TABLE job_probe; --\"}"));
        var selected = await host.WaitForAsync(await host.RunNowAsync(select));

        Assert.Equal(JobRunStatus.Success, inserted.Status);
        Assert.StartsWith("1 rows affected", inserted.Result, StringComparison.Ordinal);
        Assert.Equal(JobRunStatus.Success, selected.Status);
        Assert.Contains("x'); DROP TABLE job_probe; --", selected.Result, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Password_IsEncryptedAndNeverReturned_TestConnectionRecordsTheOutcome(DatabaseProvider provider)
    {
        await using var target = TestDatabase.Create(provider);
        // On SQLite the target is a file of its own: the portal refuses its own database as a data source.
        await using var host = await SchedulerHost.StartAsync(provider, database: provider == DatabaseProvider.MySql ? target : null);
        var id = (await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(InputFor(target)))).Value;
        var broken = (await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(
            new DataSourceInput("broken", DataSourceType.MySql, "127.0.0.1", 1, "nowhere", "nobody", "wrong", null, true)))).Value;

        var ok = await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().TestAsync(id));
        var failed = await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().TestAsync(broken));
        var row = (await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().GetAsync(id))).Value;

        Assert.True(ok.Value.Ok, ok.Value.Message);
        Assert.False(failed.Value.Ok);
        Assert.True(row.LastTestOk);
        Assert.NotNull(row.LastTestAt);
        await using var scope = host.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var stored = await db.DataSources.AsNoTracking().SingleAsync(d => d.Id == broken);
        Assert.NotNull(stored.ProtectedPassword);
        Assert.DoesNotContain("wrong", stored.ProtectedPassword, StringComparison.Ordinal);
        Assert.False(stored.LastTestOk);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAClearError_AndNothingIsSaved_AndAnUsedSourceCannotBeDeleted()
    {
        await using var host = await SchedulerHost.StartAsync();
        Task<Result<long>> Create(DataSourceInput input) => host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(input));

        Assert.Equal("common.required", (await Create(new DataSourceInput(" ", DataSourceType.Sqlite, null, null, "x.db", null, null, null, true))).Error!.Code);
        Assert.Equal("scheduler.datasource.port_invalid", (await Create(new DataSourceInput("p", DataSourceType.MySql, "h", 70000, "d", null, null, null, true))).Error!.Code);
        Assert.Equal("scheduler.datasource.options_invalid", (await Create(new DataSourceInput("o", DataSourceType.MySql, "h", 3306, "d", null, null, "NoSuchOption=1", true))).Error!.Code);
        Assert.Equal("common.required", (await Create(new DataSourceInput("h", DataSourceType.PostgreSql, null, 5432, "d", null, null, null, true))).Error!.Code);

        var portalFile = new SqliteConnectionStringBuilder(host.Factory.Services.GetRequiredService<Ops.Infrastructure.Persistence.PortalDatabase>().SqliteFile is { } f ? $"Data Source={f}" : "").DataSource;
        Assert.Equal("scheduler.datasource.portal_database", (await Create(new DataSourceInput("mine", DataSourceType.Sqlite, null, null, portalFile, null, null, null, true))).Error!.Code);
        Assert.Equal("scheduler.datasource.options_invalid", (await Create(new DataSourceInput("redirect", DataSourceType.PostgreSql, "db", 5432, "d", "u", null, "Host=attacker.example", true))).Error!.Code);
        Assert.Equal("scheduler.datasource.options_invalid", (await Create(new DataSourceInput("file", DataSourceType.Sqlite, null, null, "x.db", null, null, "Data Source=/etc/x.db", true))).Error!.Code);
        var file = Path.Combine(Path.GetTempPath(), $"ops-ds-{Guid.NewGuid():N}.db");
        var used = (await Create(new DataSourceInput("used", DataSourceType.Sqlite, null, null, file, null, null, null, true))).Value;
        await host.CreateJobAsync(Sql(used, "SELECT 1", "uses it"));
        var delete = await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().DeleteAsync(used));
        Assert.Equal("scheduler.datasource.in_use", delete.Error!.Code);
        Assert.Single((await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().ListAsync(new DataSourceFilter(), new PageRequest()))).Items);
    }

    [Fact]
    public async Task ASqliteJob_CannotAttachOtherDatabaseFiles()
    {
        await using var target = TestDatabase.Create(DatabaseProvider.Sqlite);
        await using var host = await SchedulerHost.StartAsync();
        var source = await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(InputFor(target)));
        var portalFile = host.Factory.Services.GetRequiredService<Ops.Infrastructure.Persistence.PortalDatabase>().SqliteFile!;

        var attach = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(Sql(source.Value, $"ATTACH DATABASE '{portalFile}' AS portal", "attach"))));

        Assert.Equal(JobRunStatus.Failed, attach.Status);
        Assert.Contains("attached", attach.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ASqlJob_OnAReportOnlySource_IsRefusedWithItsNameAndType()
    {
        await using var host = await SchedulerHost.StartAsync(DatabaseProvider.Sqlite);
        var source = (await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(
            new DataSourceInput("点击流", DataSourceType.ClickHouse, "127.0.0.1", 8123, "events", "reader", "reader", null, true)))).Value;

        var created = await host.CreateAsync(Sql(source, "SELECT 1", "clicks"));

        Assert.Equal("scheduler.job.datasource_no_jobs", created.Error?.Code);
        Assert.Equal(["点击流", "ClickHouse"], created.Error!.Args);
        Assert.False(DataSourceType.ClickHouse.RunsJobs());
        Assert.All(new[] { DataSourceType.MySql, DataSourceType.PostgreSql, DataSourceType.Sqlite }, t => Assert.True(t.RunsJobs()));
    }

    private static JobInput Sql(long dataSource, string statement, string name) =>
        new(name, null, JobType.Sql, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new SqlJobConfig(dataSource, statement)), TimeoutSeconds: 30);

    /// <summary>The test's own database as a data source: its SQLite file, or its MariaDB schema with the test account.</summary>
    private static DataSourceInput InputFor(TestDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (!File.Exists(file))
            {
                // An empty file is an empty SQLite database.
                File.WriteAllBytes(file, []);
            }

            return new DataSourceInput("local sqlite", DataSourceType.Sqlite, null, null, file, null, null, null, true, AllowWrites: true);
        }

        var mysql = new MySqlConnectionStringBuilder(database.ConnectionString);
        return new DataSourceInput("mariadb", DataSourceType.MySql, mysql.Server, (int)mysql.Port, mysql.Database, mysql.UserID, mysql.Password, "SslMode=None", true, AllowWrites: true);
    }
}
