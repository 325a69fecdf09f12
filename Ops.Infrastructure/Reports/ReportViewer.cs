using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;
using Ops.Infrastructure.Reports.Queries;

namespace Ops.Infrastructure.Reports;

internal sealed class ReportViewer(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    ICurrentUser currentUser,
    IDataScopeProvider scopes,
    ReportAccess access,
    ReportQueryRunner runner,
    TimeProvider clock) : IReportViewer
{
    public const int MaxChoices = 500;

    public async Task<Result<ReportView>> OpenAsync(long id, bool draft = false, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(draft ? ReportPermissions.Reports.Edit : ReportPermissions.Reports.View, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await LoadAsync(db, id, draft, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var (report, definition, source) = found.Value;
        if (!draft)
        {
            // Not through the tracked entity: a view must not move the version an editor saves against.
            var now = clock.GetUtcNow();
            await db.Reports.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.ViewCount, r => r.ViewCount + 1).SetProperty(r => r.LastViewedAt, now), cancellationToken);
        }

        var actor = await currentUser.GetActorAsync(cancellationToken);
        var user = actor.UserId is { } userId ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.UserName, u.RealName }).SingleOrDefaultAsync(cancellationToken) : null;
        var favorite = actor.UserId is { } uid && await db.ReportFavorites.AnyAsync(f => f.ReportId == id && f.UserId == uid, cancellationToken);
        var filters = new List<ReportFilterField>();
        foreach (var parameter in definition.Parameters.Where(p => p.ShowAsFilter && p.IsSettable).OrderBy(p => p.Order))
        {
            filters.Add(new ReportFilterField(parameter, await ChoicesAsync(db, parameter, source, cancellationToken)));
        }

        // Viewers get the display, not the query text.
        var shown = definition with { Query = "", Parameters = definition.Parameters.Select(p => p with { OptionsQuery = null }).ToList() };
        return new ReportView(report.Id, report.Name, report.Description, definition.Display, shown, filters, report.EnableWatermark,
            user?.RealName ?? user?.UserName ?? actor.Name, user?.UserName ?? actor.Name, favorite, report.PublishedNumber, report.PublishedAt);
    }

    public async Task<Result<ReportData>> DataAsync(long id, IReadOnlyDictionary<string, string?> values, bool draft = false, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(id, values, draft, cancellationToken);
        if (prepared.IsFailure)
        {
            return prepared.Error!;
        }

        var (run, definition) = prepared.Value;
        var current = await runner.RunAsync(run, cancellationToken);
        if (current.IsFailure)
        {
            return current.Error!;
        }

        QueryResult? previous = null;
        if (definition.Display == ReportDisplayType.Card && definition.ChartOrDefault.ComparePrevious && PreviousPeriod(definition, values) is { } earlier)
        {
            var before = await runner.RunAsync(run with { Values = earlier }, cancellationToken);
            previous = before.IsSuccess ? before.Value : null;
        }

        return new ReportData(current.Value, previous);
    }

    public async Task<Result<QueryPageResult>> PageAsync(long id, IReadOnlyDictionary<string, string?> values, QueryPage page, bool draft = false, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(id, values, draft, cancellationToken);
        return prepared.IsFailure ? prepared.Error! : await runner.PageAsync(prepared.Value.Run, page, cancellationToken);
    }

    public async Task<Result<long>> CountAsync(long id, IReadOnlyDictionary<string, string?> values, bool draft = false, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(id, values, draft, cancellationToken);
        return prepared.IsFailure ? prepared.Error! : await runner.CountAsync(prepared.Value.Run, cancellationToken);
    }

    public async Task<Result<IReadOnlyList<decimal?>>> TotalsAsync(long id, IReadOnlyDictionary<string, string?> values, IReadOnlyList<string> columns, bool draft = false, CancellationToken cancellationToken = default)
    {
        var prepared = await PrepareAsync(id, values, draft, cancellationToken);
        return prepared.IsFailure ? prepared.Error! : await runner.TotalsAsync(prepared.Value.Run, columns, cancellationToken);
    }

    /// <summary>The permission, the report's visibility, and the run for this viewer: their data scope and who they are.</summary>
    private async Task<Result<(QueryRun Run, ReportDefinition Definition)>> PrepareAsync(long id, IReadOnlyDictionary<string, string?> values, bool draft, CancellationToken cancellationToken)
    {
        var prepared = await PrepareNamedAsync(id, values, draft, cancellationToken);
        return prepared.IsFailure ? prepared.Error! : (prepared.Value.Run, prepared.Value.Definition);
    }

    /// <summary>
    /// As for viewing, with the report's name (exports name their file after it); <paramref name="permission"/> replaces
    /// the view permission (exporting needs its own, and the report's visibility as viewing does).
    /// </summary>
    internal async Task<Result<(QueryRun Run, ReportDefinition Definition, string Name)>> PrepareNamedAsync(long id, IReadOnlyDictionary<string, string?> values, bool draft,
        CancellationToken cancellationToken, string? permission = null)
    {
        await guard.DemandAsync(permission ?? (draft ? ReportPermissions.Reports.Edit : ReportPermissions.Reports.View), cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await LoadAsync(db, id, draft, cancellationToken);
        if (found.IsFailure)
        {
            return found.Error!;
        }

        var (report, definition, source) = found.Value;
        var viewer = await ReportQueryService.ViewerAsync(db, currentUser, cancellationToken);
        var scope = await scopes.GetFilterAsync(cancellationToken);
        return (new QueryRun(source, definition.Query, definition.Parameters, values, definition.Scope, scope, viewer), definition, report.Name);
    }

    public async Task<Result<bool>> ToggleFavoriteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReportPermissions.Reports.View, cancellationToken);
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var visible = await access.DemandVisibleAsync(db, id, draft: false, cancellationToken);
        if (visible.IsFailure)
        {
            return visible.Error!;
        }

        var existing = await db.ReportFavorites.SingleOrDefaultAsync(f => f.ReportId == id && f.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            db.ReportFavorites.Remove(existing);
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }

        db.ReportFavorites.Add(new ReportFavorite(id, userId, clock.GetUtcNow()));
        // A double click stars once: the second insert meets the unique (user, report) index.
        await Ops.Infrastructure.Common.UniqueViolation.TrySaveAsync(db, cancellationToken);
        return true;
    }

    /// <summary>The report, the definition to run (draft or live) and its data source; not found for what the caller may not see.</summary>
    private async Task<Result<(Report Report, ReportDefinition Definition, DataSource Source)>> LoadAsync(OpsDbContext db, long id, bool draft, CancellationToken cancellationToken)
    {
        var visible = await access.DemandVisibleAsync(db, id, draft, cancellationToken);
        if (visible.IsFailure)
        {
            return visible.Error!;
        }

        var report = visible.Value;
        var json = draft ? report.DraftJson : report.PublishedJson;
        var sourceId = draft ? report.DataSourceId : report.PublishedDataSourceId;
        if (json is null || sourceId is null || (!draft && report.Status != ReportStatus.Published))
        {
            return Error.NotFound("report.not_published");
        }

        var source = await db.DataSources.AsNoTracking().SingleOrDefaultAsync(d => d.Id == sourceId, cancellationToken);
        return source is null
            ? Error.Invalid("report.datasource.missing").On("report.datasource")
            : (report, ReportDefinition.FromJson(json), source);
    }

    private async Task<IReadOnlyList<(string Value, string Label)>> ChoicesAsync(OpsDbContext db, ReportParameter parameter, DataSource source, CancellationToken cancellationToken)
    {
        if (parameter.Type is not (ReportParameterType.Choice or ReportParameterType.MultiChoice))
        {
            return [];
        }

        if (parameter.Options is { Count: > 0 } options)
        {
            return options.Select(o => (ReportParameterValues.ChoiceValue(o), ReportParameterValues.ChoiceLabel(o))).ToList();
        }

        if (string.IsNullOrWhiteSpace(parameter.OptionsQuery))
        {
            return [];
        }

        var viewer = await ReportQueryService.ViewerAsync(db, currentUser, cancellationToken);
        var result = await runner.RunAsync(new QueryRun(source, parameter.OptionsQuery, [], new Dictionary<string, string?>(), null, DataScopeFilter.Everything(viewer.UserId ?? 0), viewer), cancellationToken);
        return result.IsFailure
            ? []
            : result.Value.Rows.Take(MaxChoices).Where(r => r.Length > 0 && r[0] is not null)
                .Select(r => (Text(r[0]), r.Length > 1 && r[1] is not null ? Text(r[1]) : Text(r[0]))).ToList();
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    /// <summary>The values with the first date range moved back by its own length (the card's comparison period).</summary>
    private static Dictionary<string, string?>? PreviousPeriod(ReportDefinition definition, IReadOnlyDictionary<string, string?> values)
    {
        var range = definition.Parameters.FirstOrDefault(p => p.Type == ReportParameterType.DateRange);
        if (range is null)
        {
            return null;
        }

        var text = values.TryGetValue(range.Name, out var given) && !string.IsNullOrWhiteSpace(given) ? given : range.Default;
        var parts = text?.Split("..", 2);
        if (parts is not [var a, var b]
            || !DateOnly.TryParseExact(a.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(b.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to))
        {
            return null;
        }

        var days = to.DayNumber - from.DayNumber + 1;
        var shifted = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase)
        {
            [range.Name] = string.Create(CultureInfo.InvariantCulture, $"{from.AddDays(-days):yyyy-MM-dd}..{to.AddDays(-days):yyyy-MM-dd}"),
        };
        return shifted;
    }
}
