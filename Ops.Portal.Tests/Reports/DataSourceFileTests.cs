using Microsoft.Data.Sqlite;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Persistence;

using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// SQLite data sources live in one allowed directory, whatever the spelling of the path: URIs, symbolic links out of
/// the directory, hard links to the portal's database and links swapped in after saving are all refused; sources
/// open read-only unless they allow writes.
/// </summary>
public sealed class DataSourceFileTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ops-sources-{Guid.NewGuid():N}");
    private SchedulerHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        _host = await SchedulerHost.StartAsync(settings: new Dictionary<string, string?> { ["DataSources:SqliteDirectory"] = _root });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private string PortalFile => _host.Factory.Services.GetRequiredService<PortalDatabase>().SqliteFile!;

    [Fact]
    public async Task EverySpellingOfAFileOutsideTheDirectory_IsRefused_AndNothingIsSaved()
    {
        var portalDirectory = Path.GetDirectoryName(PortalFile)!;
        Directory.CreateSymbolicLink(Path.Combine(_root, "up"), portalDirectory);
        File.CreateSymbolicLink(Path.Combine(_root, "evil.db"), PortalFile);
        Directory.CreateDirectory(Path.Combine(_root, "sub"));

        Assert.Equal("scheduler.datasource.sqlite_outside", await RefusalAsync(PortalFile));
        Assert.Equal("scheduler.datasource.sqlite_uri", await RefusalAsync($"file:{PortalFile}"));
        Assert.Equal("scheduler.datasource.sqlite_uri", await RefusalAsync($"FILE:{Path.Combine(_root, "a.db")}?mode=rwc"));
        Assert.Equal("scheduler.datasource.sqlite_uri", await RefusalAsync(":memory:"));
        Assert.Equal("scheduler.datasource.sqlite_outside", await RefusalAsync(Path.Combine(_root, "up", Path.GetFileName(PortalFile))));
        Assert.Equal("scheduler.datasource.sqlite_outside", await RefusalAsync(Path.Combine(_root, "evil.db")));
        Assert.Equal("scheduler.datasource.sqlite_outside", await RefusalAsync("../" + Path.GetFileName(PortalFile)));
        // sub/../up/x walks up from the link's target, not from sub: still outside.
        Assert.Equal("scheduler.datasource.sqlite_outside", await RefusalAsync(Path.Combine(_root, "sub", "..", "up", Path.GetFileName(PortalFile))));
        Assert.Empty((await _host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().ListAsync(new DataSourceFilter(), new PageRequest()))).Items);
    }

    [Fact]
    public async Task AHardLinkToThePortalDatabase_InsideTheDirectory_IsRefused()
    {
        var hard = Path.Combine(_root, "hard.db");
        Assert.Equal(0, HardLink.Create(PortalFile, hard));

        Assert.Equal("scheduler.datasource.portal_database", await RefusalAsync(hard));
    }

    [Fact]
    public async Task ALinkSwappedInAfterSaving_IsRefusedWhenTheSourceIsOpened()
    {
        var file = Path.Combine(_root, "swap.db");
        File.WriteAllBytes(file, []);
        var source = await CreateAsync(new DataSourceInput("swap", DataSourceType.Sqlite, null, null, "swap.db", null, null, null, true));
        File.Delete(file);
        File.CreateSymbolicLink(file, PortalFile);

        var run = await RunAsync(source, "SELECT PasswordHash FROM AspNetUsers");

        Assert.Equal(JobRunStatus.Failed, run.Status);
        Assert.DoesNotContain("AQAAAA", run.Result ?? "", StringComparison.Ordinal);
        Assert.Contains("sqlite_outside", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASource_IsReadOnly_UnlessItAllowsWrites()
    {
        File.WriteAllBytes(Path.Combine(_root, "data.db"), []);
        var writable = await CreateAsync(new DataSourceInput("rw", DataSourceType.Sqlite, null, null, "data.db", null, null, null, true, AllowWrites: true));
        var readOnly = await CreateAsync(new DataSourceInput("ro", DataSourceType.Sqlite, null, null, "data.db", null, null, null, true));

        Assert.Equal(JobRunStatus.Success, (await RunAsync(writable, "CREATE TABLE t (x INTEGER)")).Status);
        var refused = await RunAsync(readOnly, "INSERT INTO t VALUES (1)");
        var read = await RunAsync(readOnly, "SELECT count(*) AS n FROM t");

        Assert.Equal(JobRunStatus.Failed, refused.Status);
        Assert.Contains("readonly", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JobRunStatus.Success, read.Status);
        Assert.True((await _host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().GetAsync(writable))).Value.AllowWrites);
    }

    private async Task<string?> RefusalAsync(string path) =>
        (await _host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(
            new DataSourceInput("s", DataSourceType.Sqlite, null, null, path, null, null, null, true)))).Error?.Code;

    private async Task<long> CreateAsync(DataSourceInput input)
    {
        var created = await _host.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(input));
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private async Task<JobLog> RunAsync(long source, string statement)
    {
        var job = await _host.CreateJobAsync(new JobInput($"sql {Guid.NewGuid():N}", null, JobType.Sql, "0 0 0 1 1 ? 2099", "UTC",
            JobConfigJson.Serialize(new SqlJobConfig(source, statement)), TimeoutSeconds: 30));
        return await _host.WaitForAsync(await _host.RunNowAsync(job));
    }

    private static class HardLink
    {
        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false)]
        public static extern int Create(string existing, string link);
    }
}
