using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ops.Domain.Common;
using Ops.Domain.Reports;
using Ops.Domain.Reports.Queries;
using Ops.Infrastructure.Reports.DataSources;

namespace Ops.Infrastructure.Reports.Queries.ClickHouse;

/// <summary>
/// Report queries on ClickHouse over its HTTP interface (the .NET drivers fail against the ClickHouse Debian ships).
/// Each query runs with <c>readonly=1</c> and <c>max_execution_time</c>; an account that is read-only by its profile
/// refuses to have those set, and then runs under its profile's own limits (the client's timeout stays as the backstop).
/// Results stream as tab-separated text and reading stops at the row cap. Parameters are inlined as escaped literals
/// (<see cref="ClickHouseLiterals"/>).
/// </summary>
internal sealed class ClickHouseReportEngine(IHttpClientFactory http, DataSourceConnections connections) : IReportEngine
{
    public const string HttpClientName = "reports.clickhouse";

    // Which settings an account accepts, learned once per server and account: all, the timeout only, or none.
    private static readonly ConcurrentDictionary<string, SettingsLevel> Levels = new(StringComparer.Ordinal);

    public bool Handles(DataSourceType type) => type == DataSourceType.ClickHouse;

    public IQueryShape Shape(DataSourceType type) => new ClickHouseQueryShape(new SqlQueryShape(SqlDialect.ClickHouse, ClickHouseLiterals.Placeholder,
        column => $"`{column.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal)}`"));

    public async Task<QueryResult> RunAsync(DataSource source, BoundQuery query, QueryLimits limits, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds + 10));
        var sql = ClickHouseLiterals.Inline(query);
        try
        {
            using var response = await SendAsync(source, sql, limits, timeout.Token);
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            return await ClickHouseRows.ReadAsync(body, limits, watch, timeout.Token);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new QueryTimeoutException(limits.TimeoutSeconds, ex);
        }
        catch (IOException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The connection broke while rows were coming.
            throw new DataSourceUnreachableException(ex.Message, ex);
        }
    }

    public async IAsyncEnumerable<object?[]> StreamAsync(DataSource source, BoundQuery query, QueryLimits limits, Action<IReadOnlyList<QueryColumn>> columns,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(limits.TimeoutSeconds + 10));
        using var response = await SendAsync(source, ClickHouseLiterals.Inline(query), limits, timeout.Token);
        await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
        await foreach (var row in ClickHouseRows.StreamAsync(body, limits.MaxRows, limits.TimeoutSeconds, columns, timeout.Token))
        {
            yield return row;
        }
    }

    public async Task<IReadOnlyList<SchemaTable>> SchemaAsync(DataSource source, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(source, new BoundQuery("SELECT table, name, type FROM system.columns WHERE database = currentDatabase() ORDER BY table", []),
            source.Limits with { MaxRows = 50_000 }, cancellationToken);
        return QueryShapes.Tables(rows, QueryShapes.MaxSchemaTables);
    }

    public async Task<string> ProbeAsync(DataSource source, CancellationToken cancellationToken)
    {
        var rows = await RunAsync(source, new BoundQuery("SELECT version()", []), source.Limits with { MaxRows = 1 }, cancellationToken);
        return "ClickHouse " + rows.Rows[0][0];
    }

    private async Task<HttpResponseMessage> SendAsync(DataSource source, string sql, QueryLimits limits, CancellationToken cancellationToken)
    {
        var options = DataSourceOptionKeys.Read(DataSourceType.ClickHouse, source.Options);
        var secure = options.TryGetValue("secure", out var value) && bool.TryParse(value, out var on) && on;
        var key = $"{source.Host}:{source.Port}:{source.UserName}";
        var level = Levels.GetValueOrDefault(key, SettingsLevel.ReadOnlyAndTimeout);
        while (true)
        {
            var response = await PostAsync(source, secure, sql, Settings(level, limits), cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Levels[key] = level;
                return response;
            }

            var error = await ErrorAsync(response, cancellationToken);
            response.Dispose();
            if (ClickHouseError.Code(error) == ClickHouseError.Readonly && ClickHouseError.RefusesSetting(error) && level != SettingsLevel.None)
            {
                // The account is read-only by its profile: it may not set readonly, and with readonly=1 not even the timeout.
                level = level == SettingsLevel.ReadOnlyAndTimeout ? SettingsLevel.Timeout : SettingsLevel.None;
                continue;
            }

            throw ClickHouseError.ToException(response.StatusCode, error, limits.TimeoutSeconds);
        }
    }

    private async Task<HttpResponseMessage> PostAsync(DataSource source, bool secure, string sql, string settings, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder(secure ? "https" : "http", source.Host, source.Port ?? (secure ? 8443 : 8123), "/")
        {
            Query = $"database={Uri.EscapeDataString(source.Database)}&default_format=TabSeparatedWithNamesAndTypes{settings}",
        }.Uri;
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(sql, Encoding.UTF8, "text/plain") };
        if (source.UserName is { } user)
        {
            var password = connections.Password(source) ?? "";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        }

        try
        {
            return await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new DataSourceUnreachableException(ex.Message, ex);
        }
    }

    private static string Settings(SettingsLevel level, QueryLimits limits) => level switch
    {
        SettingsLevel.ReadOnlyAndTimeout => string.Create(CultureInfo.InvariantCulture, $"&readonly=1&max_execution_time={limits.TimeoutSeconds}"),
        SettingsLevel.Timeout => string.Create(CultureInfo.InvariantCulture, $"&max_execution_time={limits.TimeoutSeconds}"),
        _ => "",
    };

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length > 2000 ? text[..2000] : text.Trim();
    }

    private enum SettingsLevel
    {
        ReadOnlyAndTimeout,
        Timeout,
        None,
    }
}
