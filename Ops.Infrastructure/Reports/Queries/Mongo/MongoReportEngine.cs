using System.Collections.Concurrent;
using System.Diagnostics;
using MongoDB.Bson;
using MongoDB.Driver;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Common.Egress;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Reports.Queries.Mongo;

/// <summary>
/// Report queries on MongoDB with the official driver: an aggregation pipeline on one collection of the source's
/// database, under <c>maxTimeMS</c>, read in batches up to the display cap (a <c>$limit</c> one past it is appended). The
/// driver talks to the one server configured (a direct connection: no discovery of other hosts), after the egress
/// policy has checked its address. Columns are the result documents' top-level fields in order of first appearance.
/// </summary>
internal sealed class MongoReportEngine(DataSourceConnections connections, EgressPolicy egress) : IReportEngine
{
    private const int SchemaSample = 20;
    private static readonly ConcurrentDictionary<string, MongoClient> Clients = new(StringComparer.Ordinal);

    public bool Handles(DataSourceType type) => type == DataSourceType.MongoDb;

    public IQueryShape Shape(DataSourceType type) => new MongoQueryShape();

    public async Task<QueryResult> RunAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds + 10));
        var (stages, cursor) = await OpenAsync(source, query, limits, timeout, cancellationToken);
        var documents = new List<BsonDocument>();
        try
        {
            using (cursor)
            {
                while (documents.Count <= limits.MaxRows && await cursor.MoveNextAsync(timeout.Token))
                {
                    documents.AddRange(cursor.Current);
                }
            }
        }
        catch (Exception ex) when (Failure(ex, limits, timeout, cancellationToken) is { } failure)
        {
            throw failure;
        }

        if (documents.Count == 0 && stages.Count > 1 && stages[^2] is BsonDocument last && last.GetValue("$count", BsonNull.Value) == MongoQueryShape.CountField)
        {
            // $count gives no document at all for no rows.
            documents.Add(new BsonDocument(MongoQueryShape.CountField, 0L));
        }

        return Rows(documents, limits, watch);
    }

    /// <summary>
    /// The documents batch by batch as they are consumed, at most <c>limits.MaxRows</c>; the columns are the fields of
    /// the first batch (up to 1,000 documents), in order of first appearance.
    /// </summary>
    public async IAsyncEnumerable<object?[]> StreamAsync(DataSource source, BoundQuery query, QueryLimits limits, Action<IReadOnlyList<QueryColumn>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (_, cursor) = await OpenAsync(source, query, limits, null, cancellationToken);
        using var _ = cursor;
        List<string>? names = null;
        var read = 0;
        while (read < limits.MaxRows && await cursor.MoveNextAsync(cancellationToken))
        {
            var batch = cursor.Current.ToList();
            if (names is null)
            {
                var first = Rows(batch, limits with { MaxRows = batch.Count }, Stopwatch.StartNew());
                names = [.. first.Columns.Select(c => c.Name)];
                columns(first.Columns);
            }

            foreach (var document in batch)
            {
                if (read++ == limits.MaxRows)
                {
                    yield break;
                }

                yield return [.. names.Select(n => document.TryGetValue(n, out var v) ? MongoValues.FromBson(v) : null)];
            }
        }

        if (names is null)
        {
            columns([]);
        }
    }

    /// <summary>The pipeline bound, with a $limit one past the cap, and its cursor opened (failures as the runner reports them).</summary>
    private async Task<(BsonArray Stages, IAsyncCursor<BsonDocument> Cursor)> OpenAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationTokenSource? timeout, CancellationToken cancellationToken)
    {
        var pipeline = MongoPipeline.Parse(query.Sql);
        if (pipeline.IsFailure)
        {
            throw new QueryEngineException(pipeline.Error!.Args.FirstOrDefault()?.ToString() ?? pipeline.Error.Code);
        }

        var stages = pipeline.Value.Bind(query.Parameters.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase));
        stages.Add(new BsonDocument("$limit", limits.MaxRows + 1));
        var database = await DatabaseAsync(source, cancellationToken);
        var options = new AggregateOptions { MaxTime = TimeSpan.FromSeconds(limits.TimeoutSeconds), BatchSize = Math.Min(limits.MaxRows + 1, 1000) };
        try
        {
            var cursor = await database.GetCollection<BsonDocument>(pipeline.Value.Collection)
                .AggregateAsync(PipelineDefinition<BsonDocument, BsonDocument>.Create(stages.Select(s => s.AsBsonDocument)), options, timeout?.Token ?? cancellationToken);
            return (stages, cursor);
        }
        catch (Exception ex) when (Failure(ex, limits, timeout, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    public async Task<IReadOnlyList<SchemaTable>> SchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(source, cancellationToken);
        var names = await (await database.ListCollectionNamesAsync(cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        var tables = new List<SchemaTable>();
        foreach (var name in names.Where(n => !n.StartsWith("system.", StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(QueryShapes.MaxSchemaTables))
        {
            // Collections have no declared columns: the fields of a few documents, with the types seen.
            var sample = await database.GetCollection<BsonDocument>(name).Find(FilterDefinition<BsonDocument>.Empty).Limit(SchemaSample).ToListAsync(cancellationToken);
            var fields = new List<SchemaColumn>();
            foreach (var element in sample.SelectMany(d => d.Elements).Where(e => !fields.Any(f => f.Name == e.Name)))
            {
                fields.Add(new SchemaColumn(element.Name, element.Value.BsonType.ToString().ToLowerInvariant()));
            }

            tables.Add(new SchemaTable(name, fields));
        }

        return tables;
    }

    public async Task<string> ProbeAsync(DataSource source, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync(source, cancellationToken);
        try
        {
            var info = await database.RunCommandAsync<BsonDocument>(new BsonDocument("buildInfo", 1), cancellationToken: cancellationToken);
            return "MongoDB " + info.GetValue("version", "?").ToString();
        }
        catch (Exception ex) when (Failure(ex, source.Limits, null, cancellationToken) is { } failure)
        {
            throw failure;
        }
    }

    private static QueryResult Rows(List<BsonDocument> documents, QueryLimits limits, Stopwatch watch)
    {
        var truncated = documents.Count > limits.MaxRows;
        var kept = truncated ? documents[..limits.MaxRows] : documents;
        var names = new List<string>();
        foreach (var name in kept.SelectMany(d => d.Names).Where(n => !names.Contains(n)))
        {
            names.Add(name);
        }

        var rows = kept.Select(d => names.Select(n => d.TryGetValue(n, out var v) ? MongoValues.FromBson(v) : null).ToArray()).ToList();
        var columns = names.Select((n, i) => new QueryColumn(n, MongoValues.Kind(rows.Select(r => r[i]).FirstOrDefault(v => v is not null)))).ToList();
        return new QueryResult(columns, rows, truncated, watch.Elapsed.TotalMilliseconds);
    }

    /// <summary>What went wrong, as the runner reports it: the limit, the source (address, account), or the query.</summary>
    private static Exception? Failure(Exception ex, QueryLimits limits, CancellationTokenSource? timeout, CancellationToken cancellationToken) => ex switch
    {
        _ when cancellationToken.IsCancellationRequested => null,
        OperationCanceledException when timeout?.IsCancellationRequested == true => new QueryTimeoutException(limits.TimeoutSeconds, ex),
        // 50: MaxTimeMSExpired
        MongoExecutionTimeoutException or MongoCommandException { Code: 50 } => new QueryTimeoutException(limits.TimeoutSeconds, ex),
        // The driver's words and the server's reason under them ("Authentication failed.").
        MongoAuthenticationException or MongoConnectionException or TimeoutException =>
            new DataSourceUnreachableException(ex.InnerException is { } inner ? $"{ex.Message} {inner.Message}" : ex.Message, ex),
        MongoCommandException command => new QueryEngineException(command.ErrorMessage ?? command.Message),
        MongoException => new QueryEngineException(ex.Message),
        _ => null,
    };

    private async Task<IMongoDatabase> DatabaseAsync(DataSource source, CancellationToken cancellationToken)
    {
        try
        {
            await egress.ResolveAsync(source.Host ?? "", cancellationToken);
        }
        catch (EgressRefusedException ex)
        {
            throw new DataSourceUnreachableException(ex.Message, ex);
        }

        var client = Clients.GetOrAdd(string.Join('|', source.Id, source.Version, source.Host, source.Port, source.UserName, source.Options, source.ProtectedPassword), _ => Client(source));
        return client.GetDatabase(source.Database);
    }

    private MongoClient Client(DataSource source)
    {
        var options = DataSourceOptionKeys.Read(DataSourceType.MongoDb, source.Options);
        var settings = new MongoClientSettings
        {
            Server = new MongoServerAddress(source.Host, source.Port ?? 27017),
            DirectConnection = true,
            ConnectTimeout = TimeSpan.FromSeconds(DataSourceConnections.ConnectTimeoutSeconds),
            ServerSelectionTimeout = TimeSpan.FromSeconds(DataSourceConnections.ConnectTimeoutSeconds),
            RetryReads = false,
            RetryWrites = false,
            ApplicationName = options.GetValueOrDefault("appname", "ops-reports"),
            UseTls = options.TryGetValue("tls", out var tls) && bool.TryParse(tls, out var on) && on,
        };
        if (source.UserName is { } user)
        {
            settings.Credential = MongoCredential.CreateCredential(options.GetValueOrDefault("authsource", source.Database), user, connections.Password(source) ?? "");
        }

        return new MongoClient(settings);
    }
}
