using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

internal sealed class UserExchange(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IDataScopeProvider dataScope,
    IAuditTrail audit,
    PrivilegeCeiling ceiling,
    TimeProvider clock) : IUserExchange
{
    public const int MaxRows = 20_000;

    public async Task<byte[]> ExportAsync(UserFilter filter, string? search, SheetFormat format, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Export, cancellationToken);
        var scope = await dataScope.GetFilterAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var users = UserQueries.Filtered(db, filter, search, scope, clock.GetUtcNow()).OrderBy(u => u.UserName);
        var rows = await (
            from u in users
            join d in db.Departments on u.DepartmentId equals d.Id into departments
            from d in departments.DefaultIfEmpty()
            select new { u.Id, u.UserName, u.RealName, u.Email, u.PhoneNumber, Department = d.Code, u.IsActive, u.LoginCount, u.LastLoginAt })
            .Take(MaxRows).ToListAsync(cancellationToken);
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var roleLookup = roles.ToLookup(r => r.UserId, r => r.Name);
        var sheet = rows.Select(u => new UserExportRow(
            u.UserName, u.RealName, u.Email, u.PhoneNumber, u.Department, string.Join(",", roleLookup[u.Id]), u.IsActive, u.LoginCount, u.LastLoginAt)).ToList();
        await audit.RecordAsync(new AuditEntry("system", "user.export", "user", Detail: $"{sheet.Count} rows"), cancellationToken);
        return await Common.ExcelExchange.ExportAsync(UserSheet.Export.Rows(sheet, format), "Users", cancellationToken);
    }

    public async Task<byte[]> TemplateAsync(SheetFormat format, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Import, cancellationToken);
        var columns = UserSheet.Columns;
        var example = new Dictionary<string, object?>
        {
            [columns.UserName.Header(format)] = "zhang.san",
            [columns.RealName.Header(format)] = "张三",
            [columns.Email.Header(format)] = "zhang.san@example.com",
            [columns.Phone.Header(format)] = "13800000000",
            [columns.Department.Header(format)] = "IT",
            [columns.Roles.Header(format)] = "",
            [columns.Active.Header(format)] = UserSheet.FormatBool(true, format),
        };
        return await Common.ExcelExchange.ExportAsync([example], "Users", cancellationToken);
    }

    public async Task<ImportReport> ImportAsync(Stream workbook, SheetFormat format, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Users.Import, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var lookups = await UserSheetLookups.LoadAsync(db, cancellationToken);
        List<IDictionary<string, object?>> raw;
        try
        {
            raw = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().Take(MaxRows + 1).ToList();
        }
        catch (Exception ex) when (ex is InvalidDataException or InvalidOperationException or IOException or NotSupportedException or System.Xml.XmlException)
        {
            return new ImportReport(0, [new ImportProblem(1, "", Error.Invalid("import.unreadable"))]);
        }

        if (raw.Count > MaxRows)
        {
            return new ImportReport(0, [new ImportProblem(1, "", Error.Invalid("import.too_many_rows", MaxRows))]);
        }

        if (raw.Count > 0 && raw[0].Keys.Select(k => k.Trim()).GroupBy(k => k, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } repeated)
        {
            return new ImportReport(0, [new ImportProblem(1, repeated.Key, Error.Invalid("import.repeated_column", repeated.Key))]);
        }

        var parsed = UserSheet.Parse(raw, lookups, format);
        var caller = await ceiling.CallerAsync(cancellationToken);
        var rowNumber = 1;
        foreach (var row in parsed.Rows)
        {
            rowNumber++;
            if (PrivilegeCeiling.CheckDepartment(caller, row.DepartmentId) is { IsFailure: true } outside)
            {
                parsed.Problems.Add(new ImportProblem(rowNumber, UserSheet.Columns.Department.Header(format), outside.Error!));
            }
        }

        if (await ceiling.CheckRolesAsync(caller, parsed.Rows.SelectMany(r => r.RoleIds).Distinct().ToList(), cancellationToken) is { IsFailure: true } beyond)
        {
            parsed.Problems.Add(new ImportProblem(1, UserSheet.Columns.Roles.Header(format), beyond.Error!));
        }

        if (parsed.Problems.Count > 0)
        {
            return new ImportReport(0, parsed.Problems);
        }

        // Users first (for their ids), then their roles: one transaction, all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = new List<(OpsUser User, IReadOnlyList<long> Roles)>();
        foreach (var row in parsed.Rows)
        {
            var user = new OpsUser
            {
                UserName = row.UserName,
                NormalizedUserName = row.UserName.ToUpperInvariant(),
                RealName = row.RealName,
                Email = row.Email,
                NormalizedEmail = row.Email?.ToUpperInvariant(),
                EmailConfirmed = row.Email is not null,
                PhoneNumber = row.Phone,
                DepartmentId = row.DepartmentId,
                IsActive = row.Active,
                LockoutEnabled = true,
                MustChangePassword = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
                ConcurrencyStamp = Guid.NewGuid().ToString(),
            };
            db.Users.Add(user);
            created.Add((user, row.RoleIds));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.UserRoles.AddRange(created.SelectMany(c => c.Roles.Distinct().Select(r => new IdentityUserRole<long> { UserId = c.User.Id, RoleId = r })));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("system", "user.import", "user", Detail: $"{parsed.Rows.Count} rows"), cancellationToken);
        return new ImportReport(parsed.Rows.Count, []);
    }
}
