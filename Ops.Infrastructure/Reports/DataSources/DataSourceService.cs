using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Infrastructure.Reports.DataSources;

internal sealed class DataSourceService(
    IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IAuditTrail audit, DataSourceConnections connections, DataSourceAccess access, PrivilegeCeiling ceiling,
    IEnumerable<IReportEngine> engines, TimeProvider clock) : IDataSourceService
{
    private static readonly SortMap<DataSource> Sorts = new SortMap<DataSource>(x => x.Id)
        .Add("name", d => d.Name)
        .Add("type", d => d.Type)
        .Add("lastTestAt", d => d.LastTestAt)
        .Default("name");

    public async Task<PagedResult<DataSourceRow>> ListAsync(DataSourceFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.DataSources.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = await access.WhereUsableAsync(db, db.DataSources.AsNoTracking(), cancellationToken);
        if (filter.Type is { } type)
        {
            query = query.Where(d => d.Type == type);
        }

        if (filter.Enabled is { } enabled)
        {
            query = query.Where(d => d.Enabled == enabled);
        }

        if (page.Normalized().Search is { } search)
        {
            query = query.Where(d => d.Name.Contains(search) || (d.Host != null && d.Host.Contains(search)) || d.Database.Contains(search));
        }

        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        return new PagedResult<DataSourceRow>(result.Items.Select(ToRow).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<Result<DataSourceRow>> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.DataSources.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var source = await access.DemandUsableAsync(db, id, tracked: false, cancellationToken);
        return source.IsFailure ? source.Error! : ToRow(source.Value);
    }

    public async Task<IReadOnlyList<DataSourceRow>> OptionsAsync(CancellationToken cancellationToken = default)
    {
        // Job editors pick a data source without managing them: either permission will do.
        await guard.DemandAnyAsync([ReportPermissions.DataSources.View, SchedulerPermissions.Jobs.Create, SchedulerPermissions.Jobs.Update], cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var usable = await access.WhereUsableAsync(db, db.DataSources.AsNoTracking(), cancellationToken);
        var sources = await usable.Where(d => d.Enabled).OrderBy(d => d.Name).ToListAsync(cancellationToken);
        return sources.Select(ToRow).ToList();
    }

    public async Task<Result<long>> CreateAsync(DataSourceInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.DataSources.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await CheckAsync(db, input, cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid.Error!;
        }

        var source = new DataSource(input.Name.Trim());
        Apply(source, input);
        db.DataSources.Add(source);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("datasource.create", source.Id, cancellationToken);
        return source.Id;
    }

    public async Task<Result> UpdateAsync(long id, DataSourceInput input, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.DataSources.Edit, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await access.DemandUsableAsync(db, id, tracked: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        if (await CheckAsync(db, input, cancellationToken) is { IsFailure: true } invalid)
        {
            return invalid;
        }

        var source = found.Value;
        // A stored password is for the server it was entered for: a new host or account needs it again.
        var moved = source.Type != input.Type || !string.Equals(source.Host, input.Host?.Trim(), StringComparison.OrdinalIgnoreCase)
            || source.Port != input.Port || !string.Equals(source.UserName, input.UserName?.Trim(), StringComparison.Ordinal)
            || !string.Equals(source.Options ?? "", input.Options?.Trim() ?? "", StringComparison.Ordinal);
        if (moved && source.ProtectedPassword is not null && string.IsNullOrEmpty(input.Password) && !input.ClearPassword)
        {
            return Error.Invalid("scheduler.datasource.password_reenter").On("datasource.password");
        }

        source.Name = input.Name.Trim();
        Apply(source, input);
        if (await db.SaveVersionedAsync(source, d => d.Version, version, "datasource", cancellationToken) is { IsFailure: true } conflict)
        {
            return conflict;
        }

        await RecordAsync("datasource.update", id, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.DataSources.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await access.DemandUsableAsync(db, id, tracked: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var source = found.Value;

        var users = await db.Jobs.AsNoTracking().Where(j => j.Type == JobType.Sql).Select(j => new { j.Name, j.Config }).ToListAsync(cancellationToken);
        var user = users.FirstOrDefault(j => JobConfigJson.Parse(JobType.Sql, j.Config).Value is SqlJobConfig sql && sql.DataSourceId == id);
        if (user is not null)
        {
            return Error.Conflict("scheduler.datasource.in_use", user.Name);
        }

        db.DataSources.Remove(source);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("datasource.delete", id, cancellationToken);
        return Result.Success();
    }

    public async Task<Result<IReadOnlyList<SchemaTable>>> SchemaAsync(long id, CancellationToken cancellationToken = default)
    {
        // The query editor reads it: writing queries or managing sources will do.
        await guard.DemandAnyAsync([ReportPermissions.DataSources.View, ReportPermissions.Reports.Query], cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await access.DemandUsableAsync(db, id, tracked: false, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var source = found.Value;
        if (engines.FirstOrDefault(e => e.Handles(source.Type)) is not { } engine)
        {
            return Error.Invalid("report.datasource.unsupported", source.Type.ToString());
        }

        try
        {
            return Result<IReadOnlyList<SchemaTable>>.Success(await engine.SchemaAsync(source, cancellationToken));
        }
        catch (Exception ex) when (ex is DataSourceUnreachableException or QueryTimeoutException or QueryEngineException or System.Data.Common.DbException)
        {
            return Error.Invalid("report.datasource.unreachable", source.Name, ex.Message);
        }
    }

    public async Task<Result<DataSourceTestResult>> TestAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.DataSources.Test, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await access.DemandUsableAsync(db, id, tracked: true, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var source = found.Value;

        var outcome = await ProbeAsync(source, cancellationToken);
        source.RecordTest(clock.GetUtcNow(), outcome.Ok, outcome.Message);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("scheduler", "datasource.test", "datasource", id.ToString(CultureInfo.InvariantCulture),
            outcome.Ok ? AuditResult.Success : AuditResult.Failure, outcome.Message), cancellationToken);
        return outcome;
    }

    private async Task<DataSourceTestResult> ProbeAsync(DataSource source, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(DataSourceConnections.ConnectTimeoutSeconds + 5));
            if (engines.FirstOrDefault(e => e.Handles(source.Type)) is not { } engine)
            {
                return new DataSourceTestResult(false, $"Unsupported data source type {source.Type}", 0);
            }

            var version = await engine.ProbeAsync(source, timeout.Token);
            return new DataSourceTestResult(true, version, watch.Elapsed.TotalMilliseconds);
        }

        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new DataSourceTestResult(false, ex.Message, watch.Elapsed.TotalMilliseconds);
        }
    }

    private async Task<Result> CheckAsync(OpsDbContext db, DataSourceInput input, CancellationToken cancellationToken)
    {
        var valid = DataSourceRules.Validate(input);
        if (valid.IsFailure)
        {
            return valid;
        }

        if (input.Type == DataSourceType.Sqlite && connections.SqliteFiles.Locate(input.Database) is { IsFailure: true } file)
        {
            return file.Error!.On("datasource.file");
        }

        if (!DataSourceConnections.OptionsValid(input.Type, input.Options))
        {
            return Error.Invalid("scheduler.datasource.options_invalid").On("field.options");
        }

        // The owner department must be one the editor may see; granted roles must exist.
        if (input.DepartmentId is { } department && PrivilegeCeiling.CheckDepartment(await ceiling.CallerAsync(cancellationToken), department) is { IsFailure: true } outOfReach)
        {
            return outOfReach;
        }

        var roles = input.UseRoleIds?.Distinct().ToList() ?? [];
        return roles.Count > 0 && await db.Roles.CountAsync(r => roles.Contains(r.Id), cancellationToken) != roles.Count
            ? Error.Invalid("scheduler.datasource.role_missing").On("datasource.use_roles")
            : Result.Success();
    }

    private void Apply(DataSource source, DataSourceInput input)
    {
        source.Type = input.Type;
        source.Host = input.Type == DataSourceType.Sqlite ? null : input.Host?.Trim();
        source.Port = input.Type == DataSourceType.Sqlite ? null : input.Port;
        source.Database = input.Database.Trim();
        source.UserName = string.IsNullOrWhiteSpace(input.UserName) ? null : input.UserName.Trim();
        source.Options = string.IsNullOrWhiteSpace(input.Options) ? null : input.Options.Trim();
        source.Enabled = input.Enabled;
        source.AllowWrites = input.AllowWrites;
        source.DepartmentId = input.DepartmentId;
        source.UseRoleIds = DataScopeGrant.FormatIds(input.UseRoleIds);
        source.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        source.QueryTimeoutSeconds = input.QueryTimeoutSeconds;
        source.MaxRows = input.MaxRows;
        if (input.ClearPassword)
        {
            source.ProtectedPassword = null;
        }
        else if (!string.IsNullOrEmpty(input.Password))
        {
            source.ProtectedPassword = connections.Protect(input.Password);
        }
    }

    private Task RecordAsync(string action, long id, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("scheduler", action, "datasource", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);

    private static DataSourceRow ToRow(DataSource d) => new(
        d.Id, d.Name, d.Type, d.Host, d.Port, d.Database, d.UserName, d.ProtectedPassword is not null, d.Options, d.Enabled,
        d.LastTestAt, d.LastTestOk, d.LastTestMessage, d.Version, d.AllowWrites, d.DepartmentId, [.. DataScopeGrant.ParseIds(d.UseRoleIds)],
        d.Description, d.QueryTimeoutSeconds, d.MaxRows, d.Status);
}
