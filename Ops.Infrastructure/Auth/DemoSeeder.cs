using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>Demo organisation for evaluation: a company tree and staff in it. Idempotent.</summary>
public sealed class DemoSeeder(IDbContextFactory<OpsDbContext> factory, UserManager<OpsUser> users, ILogger<DemoSeeder> logger)
{
    private static readonly (string Code, string Name, string? Parent)[] Departments =
    [
        ("HQ", "总部", null),
        ("IT", "信息技术部", "HQ"),
        ("IT-OPS", "运维组", "IT"),
        ("IT-DEV", "研发组", "IT"),
        ("IT-DBA", "数据库组", "IT"),
        ("FIN", "财务部", "HQ"),
        ("HR", "人力资源部", "HQ"),
        ("SALES", "销售部", "HQ"),
        ("SALES-E", "华东销售区", "SALES"),
        ("SALES-S", "华南销售区", "SALES"),
    ];

    private static readonly (string UserName, string RealName, string Department)[] People =
    [
        ("zhang.wei", "张伟", "IT"),
        ("li.na", "李娜", "IT-OPS"),
        ("wang.fang", "王芳", "IT-OPS"),
        ("liu.yang", "刘洋", "IT-DEV"),
        ("chen.jing", "陈静", "IT-DBA"),
        ("yang.min", "杨敏", "FIN"),
        ("zhao.lei", "赵磊", "HR"),
        ("huang.qiang", "黄强", "SALES"),
        ("zhou.jie", "周杰", "SALES-E"),
        ("wu.xia", "吴霞", "SALES-S"),
    ];

    /// <summary>Creates what is missing; returns the number of users created.</summary>
    // Internal: demo data is written without asking anyone; only the CLI `seed` verb calls it.
    internal async Task<int> SeedAsync(string password, CancellationToken cancellationToken = default)
    {
        var byCode = await EnsureDepartmentsAsync(cancellationToken);
        var created = 0;
        foreach (var (userName, realName, department) in People)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }

            var user = new OpsUser
            {
                UserName = userName,
                Email = $"{userName}@example.com",
                RealName = realName,
                DepartmentId = byCode[department],
                IsActive = true,
                EmailConfirmed = true,
                LockoutEnabled = true,
            };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }

            created++;
        }

        logger.LogInformation("Demo data: {Departments} departments, {Created} users created", byCode.Count, created);
        return created;
    }

    private async Task<Dictionary<string, long>> EnsureDepartmentsAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Departments.ToDictionaryAsync(d => d.Code, cancellationToken);
        var sort = 0;
        foreach (var (code, name, parentCode) in Departments)
        {
            if (existing.ContainsKey(code))
            {
                continue;
            }

            var department = new Department(name, code, sortOrder: sort++);
            db.Departments.Add(department);
            await db.SaveChangesAsync(cancellationToken);
            department.PlaceUnder(parentCode is null ? null : existing[parentCode]);
            await db.SaveChangesAsync(cancellationToken);
            existing[code] = department;
        }

        return existing.ToDictionary(kv => kv.Key, kv => kv.Value.Id);
    }
}
