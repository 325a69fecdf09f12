using Ops.Domain.Common;

namespace Ops.Domain.Reports.Queries;

/// <summary>A query typed in the report editor, run before it is saved.</summary>
public sealed record QueryDraft(
    long DataSourceId,
    string Query,
    IReadOnlyList<ReportParameter> Parameters,
    IReadOnlyDictionary<string, string?> Values,
    RowScope? Scope = null);

public interface IReportQueryService
{
    /// <summary>
    /// Runs a query from the editor: needs the permission to write queries and the use of the data source; the text
    /// is audited. Rows come back under the caller's own data scope when the draft names scope columns.
    /// </summary>
    Task<Result<QueryResult>> RunAsync(QueryDraft draft, CancellationToken cancellationToken = default);
}
