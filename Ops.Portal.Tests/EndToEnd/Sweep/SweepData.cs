using Microsoft.AspNetCore.Identity;
using Ops.Domain.Auth;
using Ops.Domain.Notifications;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Domain.Scheduler.Flows;
using Ops.Infrastructure.Approvals;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Portal.Tests.Scheduler;

namespace Ops.Portal.Tests.EndToEnd.Sweep;

/// <summary>
/// What the sweep needs so that no list is empty: the demo organisation and approval types, a department
/// with a legal 64-character name, a job with runs, a flow, notifications; and afterwards every string that
/// is user data (names, titles, codes), which may be in either language on any page.
/// </summary>
internal static class SweepData
{
    public const string Password = "sweep user passphrase";

    // 64 characters without a space: the name that used to break one character per line.
    public static readonly string LongDepartmentName = string.Concat(Enumerable.Repeat("华东区域基础设施运维保障中心", 5))[..Department.NameMaxLength];

    public static async Task SeedAsync(IServiceProvider services, IReadOnlyList<string> sweepUsers)
    {
        await using var scope = ActorScopes.CreateSystemScope(services);
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<DemoSeeder>().SeedAsync("demo seed passphrase");
        await sp.GetRequiredService<ApprovalDemoSeeder>().SeedAsync();

        var departments = sp.GetRequiredService<IDepartmentService>();
        var parent = (await departments.GetTreeAsync()).SelectMany(d => d.SelfAndDescendants()).First(d => d.Code == "IT");
        Ok(await departments.CreateAsync(new DepartmentInput(LongDepartmentName, "SWEEP-LONG", parent.Id, null, 99)));

        var jobId = Ok(await sp.GetRequiredService<IJobService>().CreateAsync(SchedulerHost.Shell("echo 巡检完成", "巡检任务")));
        var runs = sp.GetRequiredService<IJobRunService>();
        Ok(await runs.RunNowAsync(jobId));
        Ok(await sp.GetRequiredService<IJobFlowService>().CreateAsync(new FlowInput(
            "巡检流程", null, null, "UTC", true, null, 1, [new FlowNodeInput("check", jobId, 40, 40)], [])));

        var users = sp.GetRequiredService<UserManager<OpsUser>>();
        var ids = new List<long>();
        foreach (var name in sweepUsers)
        {
            var user = new OpsUser
            {
                UserName = name, RealName = name, IsActive = true, IsSuperuser = true, LockoutEnabled = true,
                PreferredTheme = name.EndsWith("dark", StringComparison.Ordinal) ? "dark" : "light",
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            ids.Add(user.Id);
        }

        await SeedReportAsync(sp);

        Ok(await sp.GetRequiredService<INotificationService>().SendAsync(
            new InAppMessage(NotificationType.System, NotificationLevel.Warning, "机房巡检提醒", "请于周五前完成机房巡检。"), ids));
    }

    public const string ReportName = "区域销售额";

    /// <summary>A SQLite data source with sales and a published bar chart over it, watermarked.</summary>
    private static async Task SeedReportAsync(IServiceProvider sp)
    {
        var file = Path.Combine(Path.GetTempPath(), $"ops-sweep-sales-{Guid.NewGuid():N}.db");
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={file}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE sales (region TEXT, amount NUMERIC); INSERT INTO sales VALUES ('华东', 120), ('华南', 80), ('华北', 95), ('华东', 60);";
            await command.ExecuteNonQueryAsync();
        }

        var source = Ok(await sp.GetRequiredService<IDataSourceService>().CreateAsync(
            new DataSourceInput("销售数据库", DataSourceType.Sqlite, null, null, file, null, null, null, true)));
        // A server source with a read-only account, as admins are told to make: its user name is an identifier in any language.
        Ok(await sp.GetRequiredService<IDataSourceService>().CreateAsync(
            new DataSourceInput("运维数据库", DataSourceType.MySql, "127.0.0.1", 3306, "ops_reports", "ro_reports", "reader passphrase", null, true)));
        var reports = sp.GetRequiredService<IReportService>();
        var definition = new ReportDefinition("SELECT region AS 区域, SUM(amount) AS 销售额 FROM sales GROUP BY region ORDER BY 2 DESC", [],
            ReportDisplayType.Bar, new ChartSettings("区域", ["销售额"]));
        var id = Ok(await reports.CreateAsync(new ReportInput(ReportName, "各区域本月销售额", "销售", source, true, true, definition, [])));
        var version = (await reports.GetAsync(id)).Value.Version;
        Assert.True((await reports.PublishAsync(id, version)).IsSuccess);
    }

    /// <summary>Names, titles and codes people typed; the sweep does not judge their language.</summary>
    public static async Task<IReadOnlyList<string>> UserStringsAsync(IServiceProvider services)
    {
        await using var scope = ActorScopes.CreateSystemScope(services);
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        var strings = new List<string?>();
        strings.AddRange((await db.Departments.IgnoreQueryFilters().Select(d => new { d.Name, d.Code }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Code }));
        strings.AddRange((await db.Users.IgnoreQueryFilters().Select(u => new { u.UserName, u.RealName, u.Email }).ToListAsync()).SelectMany(x => new[] { x.UserName, x.RealName, x.Email }));
        strings.AddRange((await db.Roles.Select(r => new { r.Name, r.DisplayName, r.Description }).ToListAsync()).SelectMany(x => new[] { x.Name, x.DisplayName, x.Description }));
        strings.AddRange((await db.Jobs.IgnoreQueryFilters().Select(j => new { j.Name, j.Description }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Description }));
        strings.AddRange((await db.JobFlows.IgnoreQueryFilters().Select(f => new { f.Name, f.Description }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Description }));
        strings.AddRange((await db.ApprovalDefinitions.IgnoreQueryFilters().Select(d => new { d.Name, d.Code, d.Description, d.Category }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Code, x.Description, x.Category }));
        strings.AddRange(await db.ApprovalInstances.Select(i => i.Title).ToListAsync());
        strings.AddRange((await db.Notifications.Select(n => new { n.Title, n.Content }).ToListAsync()).SelectMany(x => new[] { x.Title, x.Content }));
        strings.AddRange((await db.MessageTemplates.Select(t => new { t.Name, t.Code }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Code }));
        strings.AddRange((await db.DataSources.IgnoreQueryFilters().Select(d => new { d.Name, d.Description }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Description }));
        strings.AddRange(await db.SsoProviders.Select(p => p.DisplayName).ToListAsync());
        strings.AddRange((await db.Reports.IgnoreQueryFilters().Select(r => new { r.Name, r.Description, r.Category }).ToListAsync()).SelectMany(x => new[] { x.Name, x.Description, x.Category }));
        return strings.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()).Distinct().OrderByDescending(s => s.Length).ToList();
    }

    private static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, result.Error?.ToString());
        return result.Value;
    }
}
