using MySqlConnector;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Reports.DataSources;
using Ops.Infrastructure.Scheduler;

using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// Data-source options are an allow-list per driver, by the driver's canonical key name: keys that read local files,
/// reach other servers or pass server settings are refused in every spelling, and LOAD DATA LOCAL stays off.
/// </summary>
public sealed class DataSourceOptionTests
{
    [Theory]
    [InlineData(DataSourceType.MySql, "AllowLoadLocalInfile=true")]
    [InlineData(DataSourceType.MySql, "Allow Load Local Infile=true")]
    [InlineData(DataSourceType.MySql, "allowloadlocalinfile=True")]
    [InlineData(DataSourceType.MySql, "SslCa=/proc/self/environ")]
    [InlineData(DataSourceType.MySql, "Ssl-Ca=/proc/self/environ")]
    [InlineData(DataSourceType.MySql, "CertificateFile=/etc/ssl/private/key.pfx")]
    [InlineData(DataSourceType.MySql, "SslKey=/etc/ssl/private/key.pem")]
    [InlineData(DataSourceType.MySql, "ServerRSAPublicKeyFile=/etc/passwd")]
    [InlineData(DataSourceType.MySql, "Server=evil")]
    [InlineData(DataSourceType.MySql, "Pipe=/tmp/mysql.sock")]
    [InlineData(DataSourceType.MySql, "Protocol=unix")]
    [InlineData(DataSourceType.MySql, "NoSuchOption=1")]
    [InlineData(DataSourceType.PostgreSql, "Passfile=/root/.pgpass")]
    [InlineData(DataSourceType.PostgreSql, "Root Certificate=/etc/passwd")]
    [InlineData(DataSourceType.PostgreSql, "SSL Key=/etc/ssl/private/key.pem")]
    [InlineData(DataSourceType.PostgreSql, "Options=-c default_transaction_read_only=off")]
    [InlineData(DataSourceType.PostgreSql, "Host=attacker")]
    [InlineData(DataSourceType.Sqlite, "Data Source=/etc/x.db")]
    [InlineData(DataSourceType.Sqlite, "Mode=ReadWriteCreate")]
    [InlineData(DataSourceType.Sqlite, "Password=secret")]
    [InlineData(DataSourceType.ClickHouse, "readonly=0")]
    [InlineData(DataSourceType.ClickHouse, "user=default")]
    [InlineData(DataSourceType.Elasticsearch, "proxy=http://evil")]
    [InlineData(DataSourceType.MongoDb, "tlsCAFile=/etc/passwd")]
    [InlineData(DataSourceType.MongoDb, "proxyHost=evil")]
    [InlineData(DataSourceType.MongoDb, "replicaSet=rs0")]
    public void KeysOffTheAllowList_AreRefused_InEverySpelling(DataSourceType type, string options) =>
        Assert.False(DataSourceConnections.OptionsValid(type, options));

    [Theory]
    [InlineData(DataSourceType.MySql, "SslMode=None;Character Set=utf8mb4;Default Command Timeout=30")]
    [InlineData(DataSourceType.MySql, "ssl mode=Required;AllowPublicKeyRetrieval=true")]
    [InlineData(DataSourceType.PostgreSql, "SSL Mode=Require;Command Timeout=5;Application Name=ops")]
    [InlineData(DataSourceType.Sqlite, "Cache=Shared;Foreign Keys=true")]
    [InlineData(DataSourceType.ClickHouse, "Secure=true")]
    [InlineData(DataSourceType.MongoDb, "authSource=admin;tls=true")]
    public void TuningKeys_AreAccepted(DataSourceType type, string options) =>
        Assert.True(DataSourceConnections.OptionsValid(type, options));

    [Fact]
    public async Task LoadDataLocalInfile_IsOff_EvenOnAWritableSource()
    {
        await using var target = TestDatabase.Create(DatabaseProvider.MySql);
        await using var host = await SchedulerHost.StartAsync(DatabaseProvider.MySql, database: target);
        var builder = new MySqlConnectionStringBuilder(target.ConnectionString);
        var source = (await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(new DataSourceInput(
            "maria", DataSourceType.MySql, builder.Server, (int)builder.Port, builder.Database, builder.UserID, builder.Password, "SslMode=None", true,
            AllowWrites: true)))).Value;
        var create = await host.CreateJobAsync(Sql(source, "CREATE TABLE leak (line TEXT)"));
        var load = await host.CreateJobAsync(Sql(source, "LOAD DATA LOCAL INFILE '/proc/self/environ' INTO TABLE leak"));

        Assert.Equal(JobRunStatus.Success, (await host.WaitForAsync(await host.RunNowAsync(create))).Status);
        var loaded = await host.WaitForAsync(await host.RunNowAsync(load));

        Assert.Equal(JobRunStatus.Failed, loaded.Status);
        await using var check = new MySqlConnection(target.ConnectionString);
        await check.OpenAsync();
        await using var count = new MySqlCommand("SELECT COUNT(*) FROM leak", check);
        Assert.Equal(0L, Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task AReadOnlyMySqlSource_RefusesWrites()
    {
        await using var target = TestDatabase.Create(DatabaseProvider.MySql);
        await using var host = await SchedulerHost.StartAsync(DatabaseProvider.MySql, database: target);
        var builder = new MySqlConnectionStringBuilder(target.ConnectionString);
        var source = (await host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(new DataSourceInput(
            "maria", DataSourceType.MySql, builder.Server, (int)builder.Port, builder.Database, builder.UserID, builder.Password, "SslMode=None", true)))).Value;

        var write = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(Sql(source, "CREATE TABLE nope (x INT)"))));
        var read = await host.WaitForAsync(await host.RunNowAsync(await host.CreateJobAsync(Sql(source, "SELECT 1 AS one"))));

        Assert.Equal(JobRunStatus.Failed, write.Status);
        Assert.Contains("READ ONLY", write.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JobRunStatus.Success, read.Status);
    }

    private static JobInput Sql(long dataSource, string statement) =>
        new($"sql {Guid.NewGuid():N}", null, JobType.Sql, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new SqlJobConfig(dataSource, statement)), TimeoutSeconds: 30);
}
