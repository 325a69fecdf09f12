using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Reports.Queries;

internal sealed class ReportQueryService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    ICurrentUser currentUser,
    IDataScopeProvider scopes,
    DataSourceAccess access,
    ReportQueryRunner runner,
    IAuditTrail audit) : IReportQueryService
{
    public const int AuditedTextLength = 4000;

    public async Task<Result<QueryResult>> RunAsync(QueryDraft draft, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.Query, cancellationToken);
        QueryViewer viewer;
        Result<Ops.Domain.Reports.DataSource> source;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            source = await access.DemandUsableAsync(db, draft.DataSourceId, tracked: false, cancellationToken);
            viewer = await ViewerAsync(db, currentUser, cancellationToken);
        }

        if (source.IsFailure)
        {
            return source.Error!.On("report.datasource");
        }

        var scope = await scopes.GetFilterAsync(cancellationToken);
        var result = await runner.RunAsync(new QueryRun(source.Value, draft.Query, draft.Parameters, draft.Values, draft.Scope, scope, viewer), cancellationToken);
        var text = draft.Query.Length <= AuditedTextLength ? draft.Query : draft.Query[..AuditedTextLength];
        await audit.RecordAsync(new AuditEntry("report", "report.query.run", "datasource", draft.DataSourceId.ToString(CultureInfo.InvariantCulture),
            result.IsSuccess ? AuditResult.Success : AuditResult.Failure, text), cancellationToken);
        return result;
    }

    /// <summary>The caller as the current-user and current-department parameters see them.</summary>
    public static async Task<QueryViewer> ViewerAsync(OpsDbContext db, ICurrentUser currentUser, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        if (actor.UserId is not { } userId)
        {
            return new QueryViewer(null, null);
        }

        var department = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DepartmentId).SingleOrDefaultAsync(cancellationToken);
        return new QueryViewer(userId, department);
    }
}
