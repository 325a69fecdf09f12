using Ops.Domain.Auth;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// A data source is used only by those it is granted to — its department in their data scope, or a granted role —
/// however many job or data-source permissions they hold: picking it for a SQL job, listing it and opening it check that.
/// </summary>
public sealed class DataSourceAccessTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task AJobEditor_UsesOnlySourcesOfTheirDepartmentOrRole(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var sales = await harness.DepartmentAsync("sales");
        var finance = await harness.DepartmentAsync("finance");
        var ours = await SourceAsync(harness, "ours", sales);
        var theirs = await SourceAsync(harness, "theirs", finance);
        var admins = await SourceAsync(harness, "admins", null);
        var role = await harness.RoleAsync("sql.editors", DataScope.Department, null,
            SchedulerPermissions.Jobs.View, SchedulerPermissions.Jobs.Create, ReportPermissions.DataSources.View, ReportPermissions.DataSources.Edit);
        var editor = await harness.UserAsync("sql.editor", sales, [role]);
        harness.CurrentUser.Actor = editor;

        var options = await harness.InScopeAsync(sp => sp.GetRequiredService<IDataSourceService>().OptionsAsync());
        var listed = await harness.InScopeAsync(sp => sp.GetRequiredService<IDataSourceService>().ListAsync(new DataSourceFilter(), new PageRequest()));
        var opened = await harness.InScopeAsync(sp => sp.GetRequiredService<IDataSourceService>().GetAsync(theirs));
        var edited = await harness.InScopeAsync(sp => sp.GetRequiredService<IDataSourceService>().UpdateAsync(theirs, Input("taken over", finance), 0));
        var onTheirs = await harness.InScopeAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(Job(theirs, "DROP TABLE t")));
        var onAdmins = await harness.InScopeAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(Job(admins, "DROP TABLE t")));
        var onOurs = await harness.InScopeAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(Job(ours, "SELECT 1")));

        Assert.Equal([ours], options.Select(o => o.Id));
        Assert.Equal([ours], listed.Items.Select(o => o.Id));
        Assert.Equal("scheduler.datasource.not_found", opened.Error?.Code);
        Assert.Equal("scheduler.datasource.not_found", edited.Error?.Code);
        Assert.Equal("scheduler.job.datasource_missing", onTheirs.Error?.Code);
        Assert.Equal("scheduler.job.datasource_missing", onAdmins.Error?.Code);
        Assert.True(onOurs.IsSuccess, onOurs.Error?.ToString());

        // Granting the editor's role opens the other department's source to them.
        await harness.AsSystemAsync(async sp =>
        {
            var row = (await sp.GetRequiredService<IDataSourceService>().GetAsync(theirs)).Value;
            return await sp.GetRequiredService<IDataSourceService>().UpdateAsync(theirs, Input("theirs", finance) with { UseRoleIds = [role] }, row.Version);
        });
        var granted = await harness.InScopeAsync(sp => sp.GetRequiredService<IJobService>().CreateAsync(Job(theirs, "SELECT 2")));
        Assert.True(granted.IsSuccess, granted.Error?.ToString());
    }

    private static async Task<long> SourceAsync(InfrastructureHarness harness, string name, long? department) =>
        (await harness.AsSystemAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(Input(name, department)))).Value;

    private static DataSourceInput Input(string name, long? department) =>
        new(name, DataSourceType.MySql, "db.internal", 3306, name, "reader", null, null, true, DepartmentId: department);

    private static JobInput Job(long source, string statement) =>
        new($"job {Guid.NewGuid():N}", null, JobType.Sql, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new SqlJobConfig(source, statement)));
}
