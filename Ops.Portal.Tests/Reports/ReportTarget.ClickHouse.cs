using System.Data.Common;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Ops.Domain.Reports;

namespace Ops.Portal.Tests.Reports;

/// <summary>
/// ClickHouse from ./test.sh (<c>OPS_TEST_CLICKHOUSE</c>: host, port, an owner account and a reader whose profile is
/// read-only, as ClickHouse 18.16 defines accounts in its users file). Each target is a database of its own.
/// </summary>
public sealed partial class ReportTarget
{
    public const string ClickHouseVariable = "OPS_TEST_CLICKHOUSE";

    private static readonly HttpClient ClickHouseClient = new() { Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<ReportTarget> CreateClickHouseAsync()
    {
        var settings = new DbConnectionStringBuilder { ConnectionString = Server(ClickHouseVariable) };
        string Setting(string key) => Convert.ToString(settings[key], CultureInfo.InvariantCulture)!;
        var host = Setting("Host");
        var port = int.Parse(Setting("Port"), CultureInfo.InvariantCulture);
        var database = $"ops_r_{Guid.NewGuid():N}"[..22];
        Task<string> Admin(string sql, string? inDatabase = null) => ClickHouseAsync(host, port, Setting("Admin"), Setting("AdminPassword"), sql, inDatabase);

        await Admin($"CREATE DATABASE {database}");
        await Admin("CREATE TABLE sales (id Int32, department_id Int32, owner_id Int32, region String, amount Decimal(12, 2), sold_on Date) ENGINE = MergeTree ORDER BY id", database);
        var values = string.Join(", ", Sales.Select((s, i) => FormattableString.Invariant($"({i + 1}, {s.Department}, {s.Owner}, '{s.Region}', {s.Amount}, '{s.Day}')")));
        await Admin($"INSERT INTO sales (id, department_id, owner_id, region, amount, sold_on) VALUES {values}", database);

        var input = new DataSourceInput("clickhouse sales", DataSourceType.ClickHouse, host, port, database, Setting("User"), Setting("Password"), null, true);
        return new ReportTarget(DataSourceType.ClickHouse, input,
            async sql => long.Parse((await Admin(sql, database)).Trim(), CultureInfo.InvariantCulture),
            () => Admin($"DROP DATABASE IF EXISTS {database}"));
    }

    private static async Task<string> ClickHouseAsync(string host, int port, string user, string password, string sql, string? database)
    {
        var uri = $"http://{host}:{port}/" + (database is null ? "" : $"?database={database}");
        using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(sql, Encoding.UTF8) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        using var response = await ClickHouseClient.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"ClickHouse: {body}");
        return body;
    }
}
