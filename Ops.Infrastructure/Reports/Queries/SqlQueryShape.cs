using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>
/// Report queries in SQL: one read statement (<see cref="SqlReadGuard"/>, in the engine's dialect), <c>{{name}}</c>
/// parameters written as the engine's placeholders, rows by scope and pages as a derived table around the statement.
/// </summary>
/// <param name="placeholder">How the engine writes a named placeholder (<c>@p_region</c>).</param>
/// <param name="quote">A result column's name quoted for the engine, its quote characters escaped.</param>
/// <param name="scopeInEngine">The engine filters rows by scope itself (<see cref="BoundQuery.Rows"/>) and cannot wrap the statement.</param>
internal sealed class SqlQueryShape(SqlDialect dialect, Func<string, string> placeholder, Func<string, string> quote, bool scopeInEngine = false) : IQueryShape
{
    public bool PagesInEngine => !scopeInEngine;

    public Result<IReadOnlyList<string>> Check(string query)
    {
        var tokens = SqlReadGuard.Check(query, dialect);
        return tokens.IsFailure ? tokens.Error! : Result<IReadOnlyList<string>>.Success([.. SqlReadGuard.ParameterNames(tokens.Value)]);
    }

    public Result<BoundQuery> Bind(QueryRun run)
    {
        var tokens = SqlReadGuard.Check(run.Query, dialect);
        if (tokens.IsFailure)
        {
            return tokens.Error!;
        }

        if (this.CheckDeclared(run.Query, run.Parameters) is { IsFailure: true } undeclared)
        {
            return undeclared.Error!;
        }

        var values = ReportParameterValues.Parse(run.Parameters, run.Values, run.Viewer);
        if (values.IsFailure)
        {
            return values.Error!;
        }

        var bound = QueryBinder.Bind(run.Query, tokens.Value, values.Value, placeholder);
        if (run.Scope is not { IsSet: true } scope)
        {
            return bound;
        }

        if (!RowScope.IsColumnName(scope.DepartmentColumn ?? "x") || !RowScope.IsColumnName(scope.UserColumn ?? "x"))
        {
            return Error.Invalid("report.scope.column_invalid").On("report.scope_column");
        }

        if (scopeInEngine)
        {
            return run.DataScope.All ? bound : bound with { Rows = new ScopedRows(scope, run.DataScope) };
        }

        return scope.Apply(KeepOrder(bound, tokens.Value), run.DataScope, quote, placeholder);
    }

    public BoundQuery Sorted(BoundQuery query, QueryPage page) => QueryPaging.Sorted(query, page, quote);

    public BoundQuery Count(BoundQuery query) => QueryPaging.Count(query);

    public BoundQuery Totals(BoundQuery query, IReadOnlyList<string> columns) => QueryPaging.Totals(query, columns, quote);

    /// <summary>
    /// MySQL and MariaDB drop the <c>ORDER BY</c> of a derived table that has no <c>LIMIT</c>, so a scoped report would lose
    /// its order: the largest <c>LIMIT</c> keeps it without cutting anything.
    /// </summary>
    private BoundQuery KeepOrder(BoundQuery query, IReadOnlyList<SqlToken> tokens)
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
}
