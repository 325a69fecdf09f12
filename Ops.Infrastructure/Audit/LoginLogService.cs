using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Audit;

internal sealed class LoginLogService(
    IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IDataScopeProvider dataScope, IAuditTrail audit) : ILoginLogService
{
    public const int MaxExportRows = 50_000;

    private static readonly SortMap<LoginLog> Sorts = new SortMap<LoginLog>(x => x.Id)
        .Add("time", l => l.Time)
        .Add("userName", l => l.UserName)
        .Add("result", l => l.Result)
        .Add("ipAddress", l => l.IpAddress)
        .Default("time", SortDirection.Descending);

    public async Task<PagedResult<LoginLogRow>> QueryAsync(LoginLogFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.LoginLogs.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var logs = await FilteredAsync(db, filter, page.Search, cancellationToken);
        var result = await logs.ToPagedResultAsync(page, Sorts, cancellationToken);
        return new PagedResult<LoginLogRow>(result.Items.Select(ToRow).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<byte[]> ExportAsync(LoginLogFilter filter, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.LoginLogs.Export, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var logs = await (await FilteredAsync(db, filter, null, cancellationToken)).OrderByDescending(l => l.Time).Take(MaxExportRows).ToListAsync(cancellationToken);
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var rows = logs.Select(l => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [zh ? "时间" : "Time"] = l.Time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            [zh ? "用户名" : "UserName"] = l.UserName,
            [zh ? "方式" : "Type"] = l.Type.ToString(),
            [zh ? "结果" : "Result"] = l.Result.ToString(),
            [zh ? "失败原因" : "FailureReason"] = l.FailureReason,
            ["IP"] = l.IpAddress,
            [zh ? "浏览器" : "Browser"] = l.Browser,
            [zh ? "操作系统" : "OS"] = l.OperatingSystem,
            [zh ? "设备" : "Device"] = l.Device,
        });
        await audit.RecordAsync(new AuditEntry("audit", "login_log.export", Detail: $"{logs.Count} rows"), cancellationToken);
        return await ExcelExchange.ExportAsync(rows, "LoginLog", cancellationToken);
    }

    private async Task<IQueryable<LoginLog>> FilteredAsync(OpsDbContext db, LoginLogFilter filter, string? search, CancellationToken cancellationToken)
    {
        var logs = db.LoginLogs.AsNoTracking();
        var scope = await dataScope.GetFilterAsync(cancellationToken);
        if (!scope.All)
        {
            // Attempts of users in the caller's scope; attempts for unknown names only with ALL.
            var visible = db.Users.WhereInScope(scope, u => u.DepartmentId, u => u.Id).Select(u => (long?)u.Id);
            logs = logs.Where(l => visible.Contains(l.UserId));
        }

        var name = (filter.UserName ?? search)?.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            logs = logs.Where(l => l.UserName.Contains(name) || (l.IpAddress != null && l.IpAddress.Contains(name)));
        }

        if (filter.Result is { } result)
        {
            logs = logs.Where(l => l.Result == result);
        }

        if (filter.Type is { } type)
        {
            logs = logs.Where(l => l.Type == type);
        }

        if (filter.From is { } from)
        {
            logs = logs.Where(l => l.Time >= from);
        }

        if (filter.To is { } to)
        {
            logs = logs.Where(l => l.Time < to);
        }

        return logs;
    }

    private static LoginLogRow ToRow(LoginLog l) =>
        new(l.Id, l.Time, l.UserId, l.UserName, l.Type, l.Result, l.FailureReason, l.IpAddress, l.Browser, l.OperatingSystem, l.Device);
}
