using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Demo approvals on top of the demo organisation: department leaders, an "employee" role that may apply and
/// approve, and two published approval types (leave with a branch on the days, purchase with a finance
/// step above 10,000). Idempotent; run as the system by the <c>seed-demo</c> verb.
/// </summary>
public sealed class ApprovalDemoSeeder(IDbContextFactory<OpsDbContext> factory, IRoleService roles, IApprovalDefinitionService definitions)
{
    private static readonly (string Department, string Leader)[] Leaders =
        [("HQ", "zhang.wei"), ("IT", "zhang.wei"), ("IT-OPS", "li.na"), ("FIN", "yang.min"), ("HR", "zhao.lei"), ("SALES", "huang.qiang")];

    // Internal: demo data is written without asking anyone; only the CLI `seed` verb calls it.
    internal async Task<int> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.Where(u => u.UserName != null).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var departments = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var (code, leader) in Leaders.Where(l => departments.ContainsKey(l.Department) && users.ContainsKey(l.Leader)))
        {
            departments[code].SetLeader(departments[code].LeaderUserId ?? users[leader]);
        }

        await db.SaveChangesAsync(cancellationToken);
        var employee = await EmployeeRoleAsync(cancellationToken);
        var members = await db.UserRoles.Where(r => r.RoleId == employee).Select(r => r.UserId).ToListAsync(cancellationToken);
        foreach (var id in users.Values.Except(members))
        {
            db.UserRoles.Add(new IdentityUserRole<long> { UserId = id, RoleId = employee });
        }

        await db.SaveChangesAsync(cancellationToken);
        var hr = departments.GetValueOrDefault("HR")?.Id;
        var finance = departments.GetValueOrDefault("FIN")?.Id;
        var published = 0;
        if (hr is not null && !await db.ApprovalDefinitions.AnyAsync(d => d.Code == "leave", cancellationToken))
        {
            published += await PublishAsync("leave", "请假申请", "人事", ApprovalDemoDesigns.Leave(hr.Value), ApprovalDemoDesigns.LeaveForm, cancellationToken);
        }

        if (finance is not null && !await db.ApprovalDefinitions.AnyAsync(d => d.Code == "purchase", cancellationToken))
        {
            published += await PublishAsync("purchase", "采购申请", "财务", ApprovalDemoDesigns.Purchase(finance.Value), ApprovalDemoDesigns.PurchaseForm, cancellationToken);
        }

        return published;
    }

    private async Task<long> EmployeeRoleAsync(CancellationToken cancellationToken)
    {
        if ((await roles.ListAsync(cancellationToken)).FirstOrDefault(r => r.Code == "employee") is { } existing)
        {
            return existing.Id;
        }

        var id = (await roles.CreateAsync(new RoleInput("employee", "员工", "可发起和处理审批", null, 100, true, DataScope.Self, [], false), cancellationToken)).Value;
        await roles.SetGrantsAsync(id, [ApprovalPermissions.Instances.Todo], cancellationToken);
        return id;
    }

    private async Task<int> PublishAsync(string code, string name, string category, ApprovalProcess process, ApprovalForm form, CancellationToken cancellationToken)
    {
        var id = (await definitions.CreateAsync(new DefinitionInput(code, name, category), cancellationToken)).Value;
        var version = (await definitions.GetAsync(id, cancellationToken)).Value.Version;
        await definitions.SaveDesignAsync(id, process, form, version, cancellationToken);
        var published = await definitions.PublishAsync(id, cancellationToken);
        return published.IsSuccess ? 1 : throw new InvalidOperationException($"Demo process {code} does not publish: {published.Error}");
    }
}
