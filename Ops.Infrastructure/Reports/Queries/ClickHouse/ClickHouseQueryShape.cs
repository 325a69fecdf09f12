using Ops.Domain.Common;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries.ClickHouse;

/// <summary>
/// ClickHouse's SQL shape, and one more refusal: a <c>FORMAT</c> clause of the query's own, since the engine reads
/// its rows in one format and wraps the statement for scope and paging.
/// </summary>
internal sealed class ClickHouseQueryShape(SqlQueryShape sql) : IQueryShape
{
    public Result<IReadOnlyList<string>> Check(string query)
    {
        var checkedQuery = sql.Check(query);
        return checkedQuery.IsSuccess && HasFormatClause(query) ? Error.Invalid("report.query.format_clause").On("report.query") : checkedQuery;
    }

    public Result<BoundQuery> Bind(QueryRun run) =>
        HasFormatClause(run.Query) ? Error.Invalid("report.query.format_clause").On("report.query") : sql.Bind(run);

    public BoundQuery Sorted(BoundQuery query, QueryPage page) => sql.Sorted(query, page);

    public BoundQuery Count(BoundQuery query) => sql.Count(query);

    public BoundQuery Totals(BoundQuery query, IReadOnlyList<string> columns) => sql.Totals(query, columns);

    private static bool HasFormatClause(string query)
    {
        var (tokens, _) = SqlLexer.Tokenize(query, SqlDialect.ClickHouse);
        var depth = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            depth += tokens[i] switch { { Kind: SqlTokenKind.Symbol, Value: "(" } => 1, { Kind: SqlTokenKind.Symbol, Value: ")" } => -1, _ => 0 };
            if (depth == 0 && tokens[i] is { Kind: SqlTokenKind.Word } word && string.Equals(word.Value, "FORMAT", StringComparison.OrdinalIgnoreCase)
                && i + 1 < tokens.Count && tokens[i + 1].Kind == SqlTokenKind.Word)
            {
                return true;
            }
        }

        return false;
    }
}
