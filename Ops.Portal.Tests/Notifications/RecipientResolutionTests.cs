using Ops.Domain.Notifications;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The send API reaches users named directly, members of roles, and everyone in a department's subtree, each once.</summary>
public sealed class RecipientResolutionTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RolesAndDepartmentSubtrees_ResolveToTheirUsers_WithoutDuplicates(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var ops = await harness.DepartmentAsync("ops");
        var dba = await harness.DepartmentAsync("dba", parent: ops);
        var sales = await harness.DepartmentAsync("sales");
        var oncall = await harness.RoleAsync("oncall");
        var lead = await harness.UserAsync("ops.lead", ops);
        var dbaUser = await harness.UserAsync("dba.user", dba);
        await harness.UserAsync("sales.user", sales);
        var onCallSales = await harness.UserAsync("oncall.sales", sales, roles: [oncall]);
        harness.CurrentUser.Actor = Actor.System;
        var sp = harness.Services.CreateScope().ServiceProvider;
        await sp.GetRequiredService<ITemplateService>().CreateAsync(new TemplateInput("page", "page", MessageChannel.InApp, "值班", "请处理 ${what}", null, null, [new("what", null, null)], true));

        var queued = await sp.GetRequiredService<IMessageService>().SendAsync(new SendRequest(
            "page", [lead.UserId!.Value], [], new Dictionary<string, string?> { ["what"] = "磁盘告警" }, RoleIds: [oncall], DepartmentIds: [ops]));

        Assert.Equal(3, queued.Value);
        await using var db = await harness.CreateDbContextAsync();
        var reached = await db.MessageLogs.AsNoTracking().Select(m => m.UserId).ToListAsync();
        Assert.Equal(new long?[] { lead.UserId, dbaUser.UserId, onCallSales.UserId }.Order(), reached.Order());
    }
}
