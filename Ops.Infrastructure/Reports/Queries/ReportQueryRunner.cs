using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>What to run: the query as written, its parameters and the viewer's values, the rows-by-scope columns.</summary>
public sealed record QueryRun(
    DataSource Source,
    string Query,
    IReadOnlyList<ReportParameter> Parameters,
    IReadOnlyDictionary<string, string?> Values,
    RowScope? Scope,
    DataScopeFilter DataScope,
    QueryViewer Viewer);

/// <summary>
/// The one path from a report query to rows, for the editor and the viewer alike: the statement check, typed
/// parameters bound by the driver, rows by the viewer's data scope, the engine's read-only mode, timeout and row
/// cap. Failures come back as localized errors on the query or parameter field; a source that cannot be reached is
/// marked in error, and marked active again by the next query that reaches it. Callers check permissions and access.
/// </summary>
internal sealed class ReportQueryRunner(IEnumerable<IReportEngine> engines, IDbContextFactory<OpsDbContext> factory, TimeProvider clock)
{
    public Task<Result<QueryResult>> RunAsync(QueryRun run, CancellationToken cancellationToken) =>
        ExecuteAsync(run, (_, query) => query, run.Source.Limits, cancellationToken);

    /// <summary>
    /// One page for a table: sorted and paged by the database when a sort column is given; otherwise in the query's own
    /// order, reading no further than the page (and never past the display cap).
    /// </summary>
    public async Task<Result<QueryPageResult>> PageAsync(QueryRun run, QueryPage page, CancellationToken cancellationToken)
    {
        if (!page.IsValid)
        {
            return Error.Invalid("report.page.invalid", QueryPage.MaxSize);
        }

        var limits = run.Source.Limits;
        var native = ShapeOf(run.Source)?.PagesInEngine ?? true;
        if (page.Sort is not null && native)
        {
            var sorted = await ExecuteAsync(run, (shape, query) => shape.Sorted(query, page),
                limits with { MaxRows = page.Size + 1 }, cancellationToken);
            return sorted.IsFailure ? sorted.Error! : Trim(sorted.Value, 0, page.Size);
        }

        if (page.Sort is not null)
        {
            // The engine cannot wrap a query to sort and page it (Elasticsearch's SQL): sort what the display cap holds.
            var all = await ExecuteAsync(run, (_, query) => query, limits, cancellationToken);
            return all.IsFailure ? all.Error! : Trim(InMemoryOrder.Sort(all.Value, page), page.Offset, page.Size);
        }

        var reach = Math.Min(page.Offset + page.Size + 1, limits.MaxRows);
        var ordered = await ExecuteAsync(run, (_, query) => query, limits with { MaxRows = reach }, cancellationToken);
        return ordered.IsFailure ? ordered.Error! : Trim(ordered.Value, page.Offset, page.Size);
    }

    /// <summary>How many rows the query returns in all (for a table's pager; may take longer than a page).</summary>
    public async Task<Result<long>> CountAsync(QueryRun run, CancellationToken cancellationToken)
    {
        if (ShapeOf(run.Source) is { PagesInEngine: false })
        {
            // Counted up to the display cap, which is all such a table can page through.
            var all = await ExecuteAsync(run, (_, query) => query, run.Source.Limits, cancellationToken);
            return all.IsFailure ? all.Error! : all.Value.Rows.Count;
        }

        var counted = await ExecuteAsync(run, (shape, query) => shape.Count(query), run.Source.Limits with { MaxRows = 1 }, cancellationToken);
        return counted.IsFailure ? counted.Error! : Convert.ToInt64(counted.Value.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The sums of the named number columns over every row the query returns (a table's totals row, not the page's); null
    /// for a column the result does not hold. Engines that cannot wrap a query sum what the display cap holds.
    /// </summary>
    public async Task<Result<IReadOnlyList<decimal?>>> TotalsAsync(QueryRun run, IReadOnlyList<string> columns, CancellationToken cancellationToken)
    {
        if (columns.Count is 0 or > QueryPaging.MaxTotals || columns.Any(c => c.Length is 0 or > ReportRules.ColumnNameMaxLength || c.Any(char.IsControl)))
        {
            return Error.Invalid("report.totals.invalid", QueryPaging.MaxTotals);
        }

        if (ShapeOf(run.Source) is { PagesInEngine: false })
        {
            var all = await ExecuteAsync(run, (_, query) => query, run.Source.Limits, cancellationToken);
            return all.IsFailure ? all.Error! : Result<IReadOnlyList<decimal?>>.Success([.. columns.Select(c => all.Value.ColumnIndex(c) is var i and >= 0
                ? all.Value.Rows.Sum(r => Number(r[i]) ?? 0) : (decimal?)null)]);
        }

        var sums = await ExecuteAsync(run, (shape, query) => shape.Totals(query, columns), run.Source.Limits with { MaxRows = 1 }, cancellationToken);
        if (sums.IsFailure)
        {
            return sums.Error!;
        }

        var row = sums.Value.Rows.FirstOrDefault();
        return Result<IReadOnlyList<decimal?>>.Success([.. columns.Select(c => row is not null && sums.Value.ColumnIndex(c) is var i and >= 0 ? Number(row[i]) : null)]);
    }

    private static decimal? Number(object? value) => value switch
    {
        long l => l,
        decimal m => m,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        _ => null,
    };

    /// <summary>
    /// The whole result for an export, up to <paramref name="maxRows"/>, read as it is consumed: the check, the binding
    /// and the scope as for a run (failures localized as for a run); the engine's errors surface while reading.
    /// </summary>
    public Result<QueryStream> Stream(QueryRun run, int maxRows)
    {
        var source = run.Source;
        if (!source.Enabled)
        {
            return Error.Invalid("report.datasource.disabled", source.Name).On("report.datasource");
        }

        if (engines.FirstOrDefault(e => e.Handles(source.Type)) is not { } engine)
        {
            return Error.Invalid("report.datasource.unsupported", source.Type.ToString()).On("report.datasource");
        }

        var bound = engine.Shape(source.Type).Bind(run);
        if (bound.IsFailure)
        {
            return bound.Error!;
        }

        var stream = new QueryStream();
        // A whole-result export runs longer than a page: the server may take up to the longest limit a source can set.
        var limits = new QueryLimits(Math.Max(source.Limits.TimeoutSeconds, QueryLimits.MaxTimeoutSeconds), maxRows);
        stream.Rows = cancellationToken => engine.StreamAsync(source, bound.Value, limits, columns => stream.Columns = columns, cancellationToken);
        return stream;
    }

    private IQueryShape? ShapeOf(DataSource source) => engines.FirstOrDefault(e => e.Handles(source.Type))?.Shape(source.Type);

    private static QueryPageResult Trim(QueryResult rows, int offset, int size) =>
        new(rows with { Rows = [.. rows.Rows.Skip(offset).Take(size)], Truncated = false }, rows.Rows.Count > offset + size);

    private async Task<Result<QueryResult>> ExecuteAsync(QueryRun run, Func<IQueryShape, BoundQuery, BoundQuery> reshape, QueryLimits limits, CancellationToken cancellationToken)
    {
        var source = run.Source;
        if (!source.Enabled)
        {
            return Error.Invalid("report.datasource.disabled", source.Name).On("report.datasource");
        }

        var engine = engines.FirstOrDefault(e => e.Handles(source.Type));
        if (engine is null)
        {
            return Error.Invalid("report.datasource.unsupported", source.Type.ToString()).On("report.datasource");
        }

        var shape = engine.Shape(source.Type);
        var bound = shape.Bind(run);
        if (bound.IsFailure)
        {
            return bound.Error!;
        }

        try
        {
            var result = await engine.RunAsync(source, reshape(shape, bound.Value), limits, cancellationToken);
            await RecordReachableAsync(source, true, "OK", cancellationToken);
            return result;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // The caller cancelled: whatever the driver threw for it (an interrupted query), it is a cancellation.
            throw new OperationCanceledException(cancellationToken);
        }
        catch (QueryTimeoutException timeout)
        {
            return Error.Invalid("report.query.timeout", timeout.Seconds).On("report.query");
        }
        catch (DataSourceUnreachableException unreachable)
        {
            await RecordReachableAsync(source, false, unreachable.Message, cancellationToken);
            return Error.Invalid("report.datasource.unreachable", source.Name, unreachable.Message).On("report.datasource");
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or FormatException or InvalidCastException or QueryEngineException)
        {
            // The engine's own words (a syntax error, a missing table): data from the server, shown as it sent them.
            return Error.Invalid("report.query.failed", ex.Message).On("report.query");
        }
    }

    private async Task RecordReachableAsync(DataSource source, bool ok, string message, CancellationToken cancellationToken)
    {
        if (source.LastTestOk == ok || source.Id == 0)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.DataSources.SingleOrDefaultAsync(d => d.Id == source.Id, cancellationToken);
        if (stored is not null)
        {
            stored.RecordTest(clock.GetUtcNow(), ok, message);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        source.RecordTest(clock.GetUtcNow(), ok, message);
    }
}

/// <summary>A result read as it is consumed: <see cref="Columns"/> is known once the first row (or the end) is read.</summary>
public sealed class QueryStream
{
    public IReadOnlyList<QueryColumn> Columns { get; internal set; } = [];

    public Func<CancellationToken, IAsyncEnumerable<object?[]>> Rows { get; internal set; } = _ => AsyncEnumerable.Empty<object?[]>();
}
