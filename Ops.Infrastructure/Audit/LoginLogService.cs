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

    private static readonly SheetColumns<LoginLog> ExportColumns = new SheetColumns<LoginLog>()
        .Time("sheet.common.time", l => l.Time)
        .Add("sheet.login.user_name", l => l.UserName)
        .Word("sheet.login.type", l => $"login_log.type.{l.Type}")
        .Word("sheet.login.result", l => $"login_log.result.{l.Result}")
        .Add("sheet.login.failure_reason", l => l.FailureReason)
        .Add("sheet.login.ip", l => l.IpAddress)
        .Add("sheet.login.browser", l => l.Browser)
        .Add("sheet.login.os", l => l.OperatingSystem)
        .Add("sheet.login.device", l => l.Device);

    public async Task<byte[]> ExportAsync(LoginLogFilter filter, SheetFormat format, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(AuditPermissions.LoginLogs.Export, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var logs = await (await FilteredAsync(db, filter, null, cancellationToken)).OrderByDescending(l => l.Time).Take(MaxExportRows).ToListAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("audit", "login_log.export", Detail: $"{logs.Count} rows"), cancellationToken);
        return await ExcelExchange.ExportAsync(ExportColumns.Rows(logs, format), "LoginLog", cancellationToken);
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
