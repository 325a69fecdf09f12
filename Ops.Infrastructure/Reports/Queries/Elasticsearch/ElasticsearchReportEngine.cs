using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Sql;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Reports.Queries.Elasticsearch;

/// <summary>
/// Report queries on Elasticsearch through its SQL API with the official client. The API only reads; parameters go as
/// <c>?</c> with typed <c>params</c>; the statement runs under <c>request_timeout</c>; rows come in pages of the cursor
/// until the display cap, and the cursor is closed. Elasticsearch's SQL cannot wrap a statement, so a viewer's scope is
/// a query filter on the documents and tables sort and count what the cap holds. Every connection passes the egress policy.
/// </summary>
internal sealed class ElasticsearchReportEngine(DataSourceConnections connections, EgressPolicy egress) : IReportEngine
{
    private const int MaxSchemaIndices = 100;
    private static readonly ConcurrentDictionary<string, ElasticsearchClient> Clients = new(StringComparer.Ordinal);

    public bool Handles(DataSourceType type) => type == DataSourceType.Elasticsearch;

    public IQueryShape Shape(DataSourceType type) => new SqlQueryShape(SqlDialect.Elasticsearch, PlaceholderWords.Placeholder,
        column => $"\"{column.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", scopeInEngine: true);

    public async Task<QueryResult> RunAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds + 10));
        IReadOnlyList<QueryColumn> columns = [];
        var rows = new List<object?[]>();
        try
        {
            // One row past the cap tells whether there were more.
            await foreach (var row in StreamAsync(source, query, limits with { MaxRows = limits.MaxRows + 1 }, c => columns = c, timeout.Token))
            {
                rows.Add(row);
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new QueryTimeoutException(limits.TimeoutSeconds, ex);
        }
        catch (TransportException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DataSourceUnreachableException(ex.Message, ex);
        }

        var truncated = rows.Count > limits.MaxRows;
        return new QueryResult(columns, truncated ? rows[..limits.MaxRows] : rows, truncated, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>Pages of the cursor as they are consumed, at most <c>limits.MaxRows</c> rows; a cursor left open is closed.</summary>
    public async IAsyncEnumerable<object?[]> StreamAsync(DataSource source, BoundQuery query, QueryLimits limits, Action<IReadOnlyList<QueryColumn>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = new List<object>();
        var sql = PlaceholderWords.Replace(query, SqlDialect.Elasticsearch, p =>
        {
            parameters.Add(ElasticsearchRows.Parameter(p.Value)!);
            return "?";
        });
        var client = Client(source);
        var response = Checked(await client.Sql.QueryAsync(new QueryRequest
        {
            Query = sql,
            Params = parameters,
            FetchSize = Math.Clamp(limits.MaxRows, 1, 1000),
            RequestTimeout = TimeSpan.FromSeconds(limits.TimeoutSeconds),
            PageTimeout = TimeSpan.FromSeconds(limits.TimeoutSeconds + 30),
            Filter = ElasticsearchRows.Filter(query.Rows),
        }, cancellationToken), limits);
        var kinds = response.Columns?.Select(c => new QueryColumn(c.Name, ElasticsearchRows.Kind(c.Type))).ToList() ?? [];
        columns(kinds);
        var cursor = response.Cursor;
        var read = 0;
        try
        {
            while (true)
            {
                foreach (var row in response.Rows ?? [])
                {
                    if (read++ == limits.MaxRows)
                    {
                        yield break;
                    }

                    yield return [.. row.Select((value, i) => ElasticsearchRows.Value(value.As<JsonElement>(), i < kinds.Count ? kinds[i].Kind : QueryColumnKind.Text))];
                }

                if (cursor is null)
                {
                    yield break;
                }

                response = Checked(await client.Sql.QueryAsync(new QueryRequest { Cursor = cursor }, cancellationToken), limits);
                cursor = response.Cursor;
            }
        }
        finally
        {
            if (cursor is not null)
            {
                // Free the server's search context now rather than at its page timeout.
                await client.Sql.ClearCursorAsync(new ClearCursorRequest { Cursor = cursor }, CancellationToken.None);
            }
        }
    }

    public async Task<IReadOnlyList<SchemaTable>> SchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        var limits = source.Limits with { MaxRows = 50_000 };
        var indices = await RunAsync(source, new BoundQuery($"SHOW TABLES {Quote(source.Database)}", []), limits, cancellationToken);
        var name = indices.ColumnIndex("name");
        var tables = new List<SchemaTable>();
        foreach (var index in indices.Rows.Select(r => Convert.ToString(r[name < 0 ? 0 : name], System.Globalization.CultureInfo.InvariantCulture) ?? "").Take(MaxSchemaIndices))
        {
            var columns = await RunAsync(source, new BoundQuery($"SHOW COLUMNS FROM {Quote(index)}", []), limits, cancellationToken);
            tables.Add(new SchemaTable(index, [.. columns.Rows.Select(r => new SchemaColumn(Convert.ToString(r[0], System.Globalization.CultureInfo.InvariantCulture) ?? "",
                Convert.ToString(r.Length > 2 ? r[2] : r[1], System.Globalization.CultureInfo.InvariantCulture) ?? ""))]));
        }

        return tables;
    }

    public async Task<string> ProbeAsync(DataSource source, CancellationToken cancellationToken)
    {
        var info = await Client(source).InfoAsync(cancellationToken);
        if (!info.IsValidResponse)
        {
            throw Failure(info, source.Limits);
        }

        return $"Elasticsearch {info.Version.Number}";
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static QueryResponse Checked(QueryResponse response, QueryLimits limits) => response.IsValidResponse ? response : throw Failure(response, limits);

    /// <summary>An unreachable server or a refused account is the source's fault; a timeout or the server's words about the query are the query's.</summary>
    private static Exception Failure(ElasticsearchResponse response, QueryLimits limits)
    {
        var details = response.ApiCallDetails;
        var error = response.ElasticsearchServerError?.Error;
        var reason = error?.Reason ?? details?.OriginalException?.Message ?? "no answer";
        if (details?.HttpStatusCode is null or 401 or 403)
        {
            return new DataSourceUnreachableException(reason, details?.OriginalException);
        }

        return (error?.Type ?? "").Contains("timeout", StringComparison.OrdinalIgnoreCase) || reason.Contains("timed out", StringComparison.OrdinalIgnoreCase)
            ? new QueryTimeoutException(limits.TimeoutSeconds, new QueryEngineException(reason))
            : new QueryEngineException(reason);
    }

    private ElasticsearchClient Client(DataSource source) =>
        Clients.GetOrAdd(string.Join('|', source.Id, source.Version, source.Host, source.Port, source.UserName, source.Options, source.ProtectedPassword), _ =>
        {
            var options = DataSourceOptionKeys.Read(DataSourceType.Elasticsearch, source.Options);
            var secure = options.TryGetValue("secure", out var value) && bool.TryParse(value, out var on) && on;
            var uri = new UriBuilder(secure ? "https" : "http", source.Host, source.Port ?? 9200).Uri;
            // The portal's egress handler instead of the transport's own: the policy sees every connection.
            var invoker = new HttpRequestInvoker((_, _) =>
            {
                var handler = egress.CreateHandler();
                handler.AllowAutoRedirect = false;
                return handler;
            });
            var settings = new ElasticsearchClientSettings(new SingleNodePool(uri), invoker)
                .DisablePing()
                .MaximumRetries(0)
                .RequestTimeout(TimeSpan.FromSeconds(QueryLimits.MaxTimeoutSeconds + 30));
            if (source.UserName is { } user)
            {
                settings = settings.Authentication(new BasicAuthentication(user, connections.Password(source) ?? ""));
            }

            return new ElasticsearchClient(settings);
        });
}
