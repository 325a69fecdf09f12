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
        if (page.Sort is not null)
        {
            var sorted = await ExecuteAsync(run, (engine, query) => QueryPaging.Sorted(query, page, column => engine.Quote(run.Source.Type, column)),
                limits with { MaxRows = page.Size + 1 }, cancellationToken);
            return sorted.IsFailure ? sorted.Error! : Trim(sorted.Value, 0, page.Size);
        }

        var reach = Math.Min(page.Offset + page.Size + 1, limits.MaxRows);
        var ordered = await ExecuteAsync(run, (_, query) => query, limits with { MaxRows = reach }, cancellationToken);
        return ordered.IsFailure ? ordered.Error! : Trim(ordered.Value, page.Offset, page.Size);
    }

    /// <summary>How many rows the query returns in all (for a table's pager; may take longer than a page).</summary>
    public async Task<Result<long>> CountAsync(QueryRun run, CancellationToken cancellationToken)
    {
        var counted = await ExecuteAsync(run, (_, query) => QueryPaging.Count(query), run.Source.Limits with { MaxRows = 1 }, cancellationToken);
        return counted.IsFailure ? counted.Error! : Convert.ToInt64(counted.Value.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static QueryPageResult Trim(QueryResult rows, int offset, int size) =>
        new(rows with { Rows = [.. rows.Rows.Skip(offset).Take(size)], Truncated = false }, rows.Rows.Count > offset + size);

    private async Task<Result<QueryResult>> ExecuteAsync(QueryRun run, Func<IReportEngine, BoundQuery, BoundQuery> shape, QueryLimits limits, CancellationToken cancellationToken)
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

        var bound = Bind(engine, run);
        if (bound.IsFailure)
        {
            return bound.Error!;
        }

        try
        {
            var result = await engine.RunAsync(source, shape(engine, bound.Value), limits, cancellationToken);
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

    /// <summary>The checked statement, bound to typed parameters and wrapped by the viewer's scope.</summary>
    private static Result<BoundQuery> Bind(IReportEngine engine, QueryRun run)
    {
        var type = run.Source.Type;
        var tokens = SqlReadGuard.Check(run.Query, engine.Dialect(type));
        if (tokens.IsFailure)
        {
            return tokens.Error!;
        }

        var declared = run.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var undeclared = SqlReadGuard.ParameterNames(tokens.Value).FirstOrDefault(n => !declared.Contains(n.Split('.')[0]));
        if (undeclared is not null)
        {
            return Error.Invalid("report.parameter.undeclared", undeclared).On("report.query");
        }

        var values = ReportParameterValues.Parse(run.Parameters, run.Values, run.Viewer);
        if (values.IsFailure)
        {
            return values.Error!;
        }

        var bound = QueryBinder.Bind(run.Query, tokens.Value, values.Value, name => engine.Placeholder(type, name));
        if (run.Scope is { IsSet: true } scope)
        {
            if (!RowScope.IsColumnName(scope.DepartmentColumn ?? "x") || !RowScope.IsColumnName(scope.UserColumn ?? "x"))
            {
                return Error.Invalid("report.scope.column_invalid").On("report.scope_column");
            }

            bound = scope.Apply(KeepOrder(bound, tokens.Value, engine.Dialect(type)), run.DataScope, column => engine.Quote(type, column), name => engine.Placeholder(type, name));
        }

        return bound;
    }

    /// <summary>
    /// MySQL and MariaDB drop the <c>ORDER BY</c> of a derived table that has no <c>LIMIT</c>, so a scoped report would lose
    /// its order: the largest <c>LIMIT</c> keeps it without cutting anything.
    /// </summary>
    private static BoundQuery KeepOrder(BoundQuery query, IReadOnlyList<SqlToken> tokens, SqlDialect dialect)
    {
        if (dialect != SqlDialect.MySql)
        {
            return query;
        }

        var depth = 0;
        bool ordered = false, limited = false;
        foreach (var token in tokens)
        {
            depth += token switch { { Kind: SqlTokenKind.Symbol, Value: "(" } => 1, { Kind: SqlTokenKind.Symbol, Value: ")" } => -1, _ => 0 };
            ordered |= depth == 0 && token is { Kind: SqlTokenKind.Word, Value: "ORDER" };
            limited |= depth == 0 && token is { Kind: SqlTokenKind.Word, Value: "LIMIT" };
        }

        return ordered && !limited ? query with { Sql = query.Sql + "\nLIMIT 18446744073709551615" } : query;
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

/// <summary>An engine without an ADO.NET driver reported a query error in its own words.</summary>
public sealed class QueryEngineException(string message) : Exception(message);
