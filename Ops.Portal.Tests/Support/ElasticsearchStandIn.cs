using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// A stand-in for an Elasticsearch node (none can be installed here) on a loopback port, speaking the documented REST
/// formats the SQL connector uses: <c>GET /</c> (info, with the product header the official client checks), <c>POST
/// /_sql</c> (query, positional <c>params</c>, <c>fetch_size</c> and cursors, a query-DSL <c>filter</c>, SHOW TABLES and
/// SHOW COLUMNS) and <c>POST /_sql/close</c>, with basic authentication and Elasticsearch's error bodies. The SQL itself
/// runs on an in-memory SQLite copy of the report tests' sales index, parameters bound by position as Elasticsearch binds
/// them; the filter is applied to the documents the same way. Each request is kept for the tests to read.
/// </summary>
public sealed class ElasticsearchStandIn : IAsyncDisposable
{
    public const string Version = "8.15.3";
    private readonly WebApplication _app;
    private readonly SqliteConnection _index;
    private readonly ConcurrentDictionary<string, Queue<JsonArray>> _cursors = new();

    private ElasticsearchStandIn(WebApplication app, SqliteConnection index)
    {
        _app = app;
        _index = index;
    }

    public int Port { get; private set; }

    public string User { get; } = "report_reader";

    public string Password { get; } = "reader passphrase";

    /// <summary>At most this many rows a page, whatever <c>fetch_size</c> asks (to exercise cursors).</summary>
    public int MaxPage { get; set; } = 1000;

    public ConcurrentQueue<JsonObject> Queries { get; } = new();

    public ConcurrentQueue<string> ClosedCursors { get; } = new();

    public static async Task<ElasticsearchStandIn> StartAsync()
    {
        var index = new SqliteConnection($"Data Source=es-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
        await index.OpenAsync();
        await using (var command = index.CreateCommand())
        {
            command.CommandText = "CREATE TABLE sales (id INTEGER, department_id INTEGER, owner_id INTEGER, region TEXT, amount REAL, sold_on TEXT)";
            await command.ExecuteNonQueryAsync();
            var rows = Reports.ReportTarget.Sales.Select((s, i) => FormattableString.Invariant($"({i + 1}, {s.Department}, {s.Owner}, '{s.Region}', {s.Amount}, '{s.Day}T00:00:00.000Z')"));
            command.CommandText = "INSERT INTO sales VALUES " + string.Join(", ", rows);
            await command.ExecuteNonQueryAsync();
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // The official client compresses request bodies (Content-Encoding: gzip), as Elasticsearch accepts.
        builder.Services.AddRequestDecompression();
        var app = builder.Build();
        var node = new ElasticsearchStandIn(app, index);
        app.UseRequestDecompression();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["X-Elastic-Product"] = "Elasticsearch";
            if (!node.Authorized(context.Request))
            {
                await Error(context, 401, "security_exception", "unable to authenticate user [" + node.User + "] for REST request [/_sql]");
                return;
            }

            await next();
        });
        app.MapGet("/", () => Results.Json(new
        {
            name = "standin-1", cluster_name = "ops-test", cluster_uuid = "x", tagline = "You Know, for Search",
            version = new { number = Version, build_flavor = "default", build_type = "deb", build_hash = "x", build_date = "2024-10-01T00:00:00Z", build_snapshot = false, lucene_version = "9.11.1", minimum_wire_compatibility_version = "7.17.0", minimum_index_compatibility_version = "7.0.0" },
        }));
        app.MapPost("/_sql", node.QueryAsync);
        app.MapPost("/_sql/close", async (HttpContext context) =>
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
            var cursor = body["cursor"]!.GetValue<string>();
            node.ClosedCursors.Enqueue(cursor);
            return Results.Json(new { succeeded = node._cursors.TryRemove(cursor, out _) });
        });
        await app.StartAsync();
        node.Port = new Uri(app.Urls.First()).Port;
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _index.DisposeAsync();
    }

    private bool Authorized(HttpRequest request) =>
        request.Headers.Authorization.ToString() == "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}"));

    private async Task QueryAsync(HttpContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // What a node says about a request it cannot handle; the test reads it in the connector's error.
            await Error(context, 500, "stand_in_exception", ex.ToString());
        }
    }

    private async Task AnswerAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (body["cursor"]?.GetValue<string>() is { } cursor)
        {
            await context.Response.WriteAsJsonAsync(Page(null, _cursors.TryGetValue(cursor, out var rest) ? rest : new Queue<JsonArray>(), cursor, MaxPage));
            return;
        }

        Queries.Enqueue(body);
        var sql = body["query"]!.GetValue<string>();
        var fetch = Math.Min(body["fetch_size"]?.GetValue<int>() ?? 1000, MaxPage);
        try
        {
            var (columns, rows) = Run(sql, body["params"]?.AsArray(), body["filter"]?.AsObject());
            await context.Response.WriteAsJsonAsync(Page(columns, new Queue<JsonArray>(rows), Guid.NewGuid().ToString("N"), fetch));
        }
        catch (SqliteException ex)
        {
            await Error(context, 400, "verification_exception", "Found 1 problem\nline 1:1: " + ex.Message);
        }

    }

    private JsonObject Page(JsonArray? columns, Queue<JsonArray> rows, string cursor, int size)
    {
        var page = new JsonArray();
        while (page.Count < size && rows.TryDequeue(out var row))
        {
            page.Add(row);
        }

        var answer = new JsonObject();
        if (columns is not null)
        {
            answer["columns"] = columns;
        }

        answer["rows"] = page;
        if (rows.Count > 0)
        {
            _cursors[cursor] = rows;
            answer["cursor"] = cursor;
        }
        else
        {
            _cursors.TryRemove(cursor, out _);
        }

        return answer;
    }

    private (JsonArray Columns, List<JsonArray> Rows) Run(string sql, JsonArray? parameters, JsonObject? filter)
    {
        using var command = _index.CreateCommand();
        var show = sql.Trim();
        if (show.StartsWith("SHOW TABLES", StringComparison.OrdinalIgnoreCase))
        {
            return (Columns(("catalog", "keyword"), ("name", "keyword"), ("type", "keyword"), ("kind", "keyword")), [new JsonArray("ops-test", "sales", "TABLE", "INDEX")]);
        }

        if (show.StartsWith("SHOW COLUMNS FROM", StringComparison.OrdinalIgnoreCase))
        {
            return (Columns(("column", "keyword"), ("type", "keyword"), ("mapping", "keyword")),
            [
                new JsonArray("id", "BIGINT", "long"), new JsonArray("department_id", "BIGINT", "long"), new JsonArray("owner_id", "BIGINT", "long"),
                new JsonArray("region", "VARCHAR", "keyword"), new JsonArray("amount", "DOUBLE", "double"), new JsonArray("sold_on", "TIMESTAMP", "datetime"),
            ]);
        }

        command.CommandText = $"SELECT * FROM ({Numbered(sql)}) WHERE {Where(filter)}";
        foreach (var (value, i) in (parameters ?? []).Select((v, i) => (v, i)))
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "?" + (i + 1).ToString(CultureInfo.InvariantCulture), Value = value?.GetValueKind() switch
            {
                JsonValueKind.Number => value.GetValue<decimal>(),
                JsonValueKind.True => 1,
                JsonValueKind.False => 0,
                JsonValueKind.String => value.GetValue<string>(),
                _ => DBNull.Value,
            } });
        }

        using var reader = command.ExecuteReader();
        var rows = new List<JsonArray>();
        var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
        string?[] types = new string?[names.Count];
        while (reader.Read())
        {
            var row = new JsonArray();
            for (var i = 0; i < names.Count; i++)
            {
                var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
                types[i] ??= value switch { null => null, long => "long", double => "double", string s when s.EndsWith('Z') => "datetime", _ => "keyword" };
                row.Add(value is null ? null : JsonValue.Create(value));
            }

            rows.Add(row);
        }

        return (Columns([.. names.Select((n, i) => (n, types[i] ?? "keyword"))]), rows);
    }

    /// <summary>Elasticsearch's positional <c>?</c> as SQLite's numbered <c>?N</c> (outside quotes), so values bind by position.</summary>
    private static string Numbered(string sql)
    {
        var text = new StringBuilder();
        var quote = '\0';
        var n = 0;
        foreach (var c in sql)
        {
            quote = quote == '\0' && c is '\'' or '"' ? c : quote == c ? '\0' : quote;
            text.Append(c == '?' && quote == '\0' ? "?" + (++n).ToString(CultureInfo.InvariantCulture) : c.ToString());
        }

        return text.ToString();
    }

    /// <summary>The query-DSL filters the connector sends (bool should, terms, term, match_none) as SQL over the documents.</summary>
    private static string Where(JsonObject? filter)
    {
        if (filter is null)
        {
            return "1 = 1";
        }

        var (kind, body) = filter.Single();
        return kind switch
        {
            "match_none" => "1 = 0",
            "bool" => "(" + string.Join(" OR ", Many(body!["should"]).Select(q => Where(q!.AsObject()))) + ")",
            "terms" => body!.AsObject().Single() is var (field, values) ? $"\"{field}\" IN ({string.Join(", ", Many(values).Select(v => v!.GetValue<long>().ToString(CultureInfo.InvariantCulture)))})" : "",
            "term" => body!.AsObject().Single() is var (name, value) ? $"\"{name}\" = {(value is JsonObject o ? o["value"]! : value)!.GetValue<long>().ToString(CultureInfo.InvariantCulture)}" : "",
            _ => throw new InvalidOperationException("filter not understood: " + kind),
        };
    }

    /// <summary>Elasticsearch takes one clause where it takes a list of them (and clients write it so).</summary>
    private static IEnumerable<JsonNode?> Many(JsonNode? node) => node is JsonArray list ? list : new[] { node };

    private static JsonArray Columns(params (string Name, string Type)[] columns) =>
        [.. columns.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["type"] = c.Type })];

    private static Task Error(HttpContext context, int status, string type, string reason)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error = new { root_cause = new[] { new { type, reason } }, type, reason }, status });
    }
}
