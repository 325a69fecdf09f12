using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Scheduler;

/// <summary>
/// Opens connections to data sources. The password is decrypted here, used for the connection, and
/// never returned; extra options are applied key by key, so a bad key is refused, not ignored.
/// </summary>
public sealed class DataSourceConnections(IDataProtectionProvider protection)
{
    public const int ConnectTimeoutSeconds = 10;

    private IDataProtector Protector => protection.CreateProtector("Ops.DataSources");

    public string Protect(string password) => Protector.Protect(password);

    /// <summary>A closed connection for the data source; <see cref="ArgumentException"/> when its options are not valid for the driver.</summary>
    public DbConnection Create(DataSource source)
    {
        var password = source.ProtectedPassword is { } cipher ? Protector.Unprotect(cipher) : null;
        DbConnectionStringBuilder builder = source.Type switch
        {
            DataSourceType.MySql => new MySqlConnectionStringBuilder
            {
                Server = source.Host, Port = (uint)(source.Port ?? 3306), Database = source.Database, UserID = source.UserName,
                Password = password, ConnectionTimeout = ConnectTimeoutSeconds,
            },
            DataSourceType.PostgreSql => new NpgsqlConnectionStringBuilder
            {
                Host = source.Host, Port = source.Port ?? 5432, Database = source.Database, Username = source.UserName,
                Password = password, Timeout = ConnectTimeoutSeconds,
            },
            DataSourceType.Sqlite => new SqliteConnectionStringBuilder { DataSource = source.Database, Mode = SqliteOpenMode.ReadWrite },
            _ => throw new ArgumentException($"Unknown data source type {source.Type}"),
        };
        ApplyOptions(builder, source.Options);
        return source.Type switch
        {
            DataSourceType.MySql => new MySqlConnection(builder.ConnectionString),
            DataSourceType.PostgreSql => new NpgsqlConnection(builder.ConnectionString),
            _ => new SqliteConnection(builder.ConnectionString),
        };
    }

    /// <summary>Whether the options are accepted by the type's driver (checked before saving).</summary>
    public static bool OptionsValid(DataSourceType type, string? options)
    {
        try
        {
            DbConnectionStringBuilder builder = type switch
            {
                DataSourceType.MySql => new MySqlConnectionStringBuilder(),
                DataSourceType.PostgreSql => new NpgsqlConnectionStringBuilder(),
                _ => new SqliteConnectionStringBuilder(),
            };
            ApplyOptions(builder, options);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
        {
            return false;
        }
    }

    /// <summary>
    /// Opens the connection. SQLite connections may not ATTACH other files (a statement could otherwise reach
    /// any database file on the server, the portal's own included), and a cancelled token interrupts the
    /// running statement (the SQLite driver does not watch tokens itself).
    /// </summary>
    public async Task<OpenedSource> OpenAsync(DataSource source, CancellationToken cancellationToken)
    {
        var connection = Create(source);
        await connection.OpenAsync(cancellationToken);
        var interrupt = default(CancellationTokenRegistration);
        if (connection is SqliteConnection sqlite)
        {
            SQLitePCL.raw.sqlite3_limit(sqlite.Handle, SQLitePCL.raw.SQLITE_LIMIT_ATTACHED, 0);
            interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(sqlite.Handle));
        }

        return new OpenedSource(connection, interrupt);
    }

    /// <summary>Keys the typed fields own: options may not redirect a data source to another server, file or account.</summary>
    private static readonly HashSet<string> OwnedKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "server", "host", "hostname", "datasource", "address", "addr", "networkaddress", "port", "database", "initialcatalog", "db",
        "userid", "uid", "username", "user", "password", "pwd", "passfile", "filename", "mode", "hostrecheckseconds",
    };

    private static void ApplyOptions(DbConnectionStringBuilder builder, string? options)
    {
        foreach (var pair in (options ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = pair.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0)
            {
                throw new ArgumentException($"Option '{pair}' is not key=value");
            }

            var key = pair[..at].Trim();
            if (OwnedKeys.Contains(key.Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)))
            {
                throw new ArgumentException($"Option '{key}' is set by the data source's own fields");
            }

            builder[key] = pair[(at + 1)..].Trim();
        }
    }
}
