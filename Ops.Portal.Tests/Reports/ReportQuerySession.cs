using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// A data source registered in a fresh portal, and the editor's service and the runner to query it: on a real engine
/// (<see cref="ReportTarget"/>), or on a stand-in server given by its data source input.
/// </summary>
internal sealed class ReportQuerySession(InfrastructureHarness harness, ReportTarget? target, long sourceId) : IAsyncDisposable
{
    public ReportTarget Target => target ?? throw new InvalidOperationException("This session runs on a stand-in, not a ReportTarget");

    public InfrastructureHarness Harness => harness;

    public long SourceId => sourceId;

    public static async Task<ReportQuerySession> StartAsync(DataSourceType type, int? timeoutSeconds = null)
    {
        var target = await ReportTarget.CreateAsync(type);
        var session = await StartAsync(target.Input, target);
        if (timeoutSeconds is { } seconds)
        {
            await session.SetLimitsAsync(timeoutSeconds: seconds);
        }

        return session;
    }

    /// <summary>A session on the source <paramref name="input"/> describes (a stand-in's address and account).</summary>
    public static async Task<ReportQuerySession> StartAsync(DataSourceInput input, ReportTarget? target = null)
    {
        var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = Actor.System;
        var session = new ReportQuerySession(harness, target, 0);
        return new ReportQuerySession(harness, target, await session.AddSourceAsync(input));
    }

    /// <summary>Registers another data source in the same portal.</summary>
    public async Task<long> AddSourceAsync(DataSourceInput input)
    {
        var id = await harness.InScopeAsync(sp => sp.GetRequiredService<IDataSourceService>().CreateAsync(input));
        Assert.True(id.IsSuccess, id.Error?.ToString());
        return id.Value;
    }

    public async Task SetLimitsAsync(int? maxRows = null, int? timeoutSeconds = null)
    {
        await using var db = await harness.CreateDbContextAsync();
        var source = await db.DataSources.SingleAsync(d => d.Id == sourceId);
        source.MaxRows = maxRows ?? source.MaxRows;
        source.QueryTimeoutSeconds = timeoutSeconds ?? source.QueryTimeoutSeconds;
        await db.SaveChangesAsync();
    }

    public Task<Result<QueryResult>> RunAsync(string sql, IReadOnlyList<ReportParameter>? parameters = null, Dictionary<string, string?>? values = null, RowScope? scope = null) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<IReportQueryService>().RunAsync(new QueryDraft(sourceId, sql, parameters ?? [], values ?? [], scope)));

    /// <summary>The runner itself, as the viewer calls it, for this viewer's data scope.</summary>
    public Task<T> WithRunnerAsync<T>(Func<ReportQueryRunner, DataSource, Task<T>> use) => harness.InScopeAsync(async sp =>
    {
        await using var db = await harness.CreateDbContextAsync();
        var source = await db.DataSources.AsNoTracking().SingleAsync(d => d.Id == sourceId);
        return await use(sp.GetRequiredService<ReportQueryRunner>(), source);
    });

    public async ValueTask DisposeAsync()
    {
        await harness.DisposeAsync();
        if (target is not null)
        {
            await target.DisposeAsync();
        }
    }
}
