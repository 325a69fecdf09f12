using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;

namespace Ops.Infrastructure.Reports.Queries;

/// <summary>Runs checked, bound report queries on one family of data sources.</summary>
internal interface IReportEngine
{
    bool Handles(DataSourceType type);

    /// <summary>How the engine's SQL is lexed; null when its queries are not SQL (MongoDB's pipelines).</summary>
    SqlDialect Dialect(DataSourceType type);

    /// <summary>A named placeholder in the engine's SQL.</summary>
    string Placeholder(DataSourceType type, string name);

    /// <summary>A column name quoted for the engine, its quote characters escaped: any name a query returns is safe.</summary>
    string Quote(DataSourceType type, string column);

    /// <summary>A read of the source's catalogue: rows of table name, column name, column type, in order.</summary>
    string SchemaQuery(DataSourceType type);

    /// <exception cref="QueryTimeoutException">The engine stopped the query at the limit.</exception>
    Task<QueryResult> RunAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationToken cancellationToken);
}

/// <summary>The engine stopped a report query at its statement timeout.</summary>
public sealed class QueryTimeoutException(int seconds, Exception inner) : Exception($"The query ran past its {seconds} s limit", inner)
{
    public int Seconds { get; } = seconds;
}

/// <summary>The data source could not be reached or opened (address, account, file, options); the query never ran.</summary>
public sealed class DataSourceUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
