using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>A data source on a real engine (<see cref="ReportTarget"/>) registered in a fresh portal, and the editor's service to run queries on it.</summary>
internal sealed class ReportQuerySession(InfrastructureHarness harness, ReportTarget target, long sourceId) : IAsyncDisposable
{
    public ReportTarget Target => target;

    public InfrastructureHarness Harness => harness;

    public static async Task<ReportQuerySession> StartAsync(DataSourceType type, int? timeoutSeconds = null)
    {
        var target = await ReportTarget.CreateAsync(type);
        var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var id = await harness.InScopeAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(target.Input));
        Assert.True(id.IsSuccess, id.Error?.ToString());
        if (timeoutSeconds is { } seconds)
        {
            await using var db = await harness.CreateDbContextAsync();
            var source = await db.DataSources.SingleAsync(d => d.Id == id.Value);
            source.QueryTimeoutSeconds = seconds;
            await db.SaveChangesAsync();
        }

        return new ReportQuerySession(harness, target, id.Value);
    }

    public Task<Result<QueryResult>> RunAsync(string sql, IReadOnlyList<ReportParameter>? parameters = null, Dictionary<string, string?>? values = null, RowScope? scope = null) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<IReportQueryService>().RunAsync(new QueryDraft(sourceId, sql, parameters ?? [], values ?? [], scope)));

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        await target.DisposeAsync();
    }
}
