using System.Data.Common;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Ops.Domain.Reports;

namespace Ops.Infrastructure.Reports.DataSources;

/// <summary>
/// The connection-string keys a data source's options may set, per driver: an allow-list of keys that only tune
/// the connection. Everything else is refused — keys that read local files (certificates, key files, passfiles,
/// <c>LOAD DATA LOCAL</c>), that redirect to another server, file or account, or that pass server settings through.
/// Keys are compared by the driver's own canonical name, so every synonym and spelling of a key is the same key.
/// </summary>
internal static class DataSourceOptionKeys
{
    private static readonly Dictionary<DataSourceType, HashSet<string>> Allowed = new()
    {
        [DataSourceType.MySql] = Set(
            "sslmode", "tlsversion", "allowpublickeyretrieval", "characterset", "defaultcommandtimeout", "pooling", "minimumpoolsize",
            "maximumpoolsize", "connectionlifetime", "connectionidletimeout", "connectionreset", "keepalive", "allowzerodatetime",
            "convertzerodatetime", "datetimekind", "guidformat", "treattinyasboolean", "usecompression", "useaffectedrows",
            "nobackslashescapes", "allowuservariables", "ignoreprepare", "applicationname"),
        [DataSourceType.PostgreSql] = Set(
            "sslmode", "commandtimeout", "pooling", "minimumpoolsize", "maximumpoolsize", "connectionidlelifetime", "connectionlifetime",
            "keepalive", "tcpkeepalive", "applicationname", "searchpath", "clientencoding", "encoding", "timezone", "includeerrordetail",
            "readbuffersize", "writebuffersize", "maxautoprepare", "autoprepareminusages"),
        [DataSourceType.Sqlite] = Set("cache", "defaulttimeout", "pooling", "foreignkeys", "recursivetriggers"),
        // The HTTP engines: TLS only (the address, account and database have their own fields).
        [DataSourceType.ClickHouse] = Set("secure"),
        [DataSourceType.Elasticsearch] = Set("secure"),
        // MongoDB: the account's database and TLS; never a host list, a replica set to discover, a proxy or a key file.
        [DataSourceType.MongoDb] = Set("authsource", "tls", "appname"),
    };

    /// <summary>A fresh builder of the type's driver.</summary>
    public static DbConnectionStringBuilder Builder(DataSourceType type) => type switch
    {
        DataSourceType.MySql => new MySqlConnectionStringBuilder(),
        DataSourceType.PostgreSql => new NpgsqlConnectionStringBuilder(),
        DataSourceType.Sqlite => new SqliteConnectionStringBuilder(),
        // No ADO.NET driver: the generic builder parses key=value pairs and the allow-list decides.
        DataSourceType.ClickHouse or DataSourceType.Elasticsearch or DataSourceType.MongoDb => new DbConnectionStringBuilder(),
        _ => throw new ArgumentException($"Unknown data source type {type}"),
    };

    /// <summary>
    /// Sets each <c>key=value</c> of <paramref name="options"/> on <paramref name="target"/>; <see cref="ArgumentException"/>
    /// for a malformed pair, a key the driver does not know, or one not on the allow-list.
    /// </summary>
    public static void Apply(DataSourceType type, DbConnectionStringBuilder target, string? options)
    {
        foreach (var pair in (options ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ArgumentException($"Option '{pair}' is not key=value");
            }

            var key = pair[..at].Trim();
            var value = pair[(at + 1)..].Trim();
            var probe = Builder(type);
            probe[key] = value;
            // The driver writes its own canonical name for the key; some builders list every keyword in Keys.
            var written = new DbConnectionStringBuilder { ConnectionString = probe.ConnectionString };
            var canonical = written.Keys.Cast<string>().SingleOrDefault();
            if (canonical is null || !Allowed[type].Contains(Normalize(canonical)))
            {
                throw new ArgumentException($"Option '{key}' is not allowed for {type} data sources");
            }

            target[key] = value;
        }
    }

    /// <summary>The options as lower-case keys and their values (the HTTP and MongoDB engines read them so).</summary>
    public static IReadOnlyDictionary<string, string> Read(DataSourceType type, string? options)
    {
        var builder = Builder(type);
        Apply(type, builder, options);
        return builder.Keys.Cast<string>().ToDictionary(k => Normalize(k), k => Convert.ToString(builder[k], System.Globalization.CultureInfo.InvariantCulture) ?? "");
    }

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);

    private static string Normalize(string key) => key.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();
}
