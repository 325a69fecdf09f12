using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using MySqlConnector;
using Npgsql;
using Ops.Domain.Reports;
using Ops.Infrastructure.Common.Egress;

namespace Ops.Infrastructure.Reports.DataSources;

/// <summary>
/// Opens connections to data sources. The password is decrypted here, used for the connection, and never
/// returned. Options pass the driver's allow-list (<see cref="DataSourceOptionKeys"/>); SQLite files pass
/// <see cref="SqliteSourceFiles"/>; local-file features are off whatever the options say; a source is read-only
/// unless it allows writes.
/// </summary>
public sealed class DataSourceConnections(IDataProtectionProvider protection, SqliteSourceFiles sqliteFiles, EgressPolicy egress)
{
    public const int ConnectTimeoutSeconds = 10;

    private IDataProtector Protector => protection.CreateProtector("Ops.DataSources");

    public SqliteSourceFiles SqliteFiles => sqliteFiles;

    public string Protect(string password) => Protector.Protect(password);

    /// <summary>The source's password, for the engines that sign in over HTTP or their own client (never shown, never logged).</summary>
    internal string? Password(DataSource source) => source.ProtectedPassword is { } cipher ? Protector.Unprotect(cipher) : null;

    /// <summary>A closed connection for the data source; <see cref="ArgumentException"/> when its file or options are not allowed.</summary>
    public DbConnection Create(DataSource source, bool readOnly = false)
    {
        var writable = source.AllowWrites && !readOnly;
        var password = source.ProtectedPassword is { } cipher ? Protector.Unprotect(cipher) : null;
        var builder = DataSourceOptionKeys.Builder(source.Type);
        DataSourceOptionKeys.Apply(source.Type, builder, source.Options);
        switch (builder)
        {
            case MySqlConnectionStringBuilder mysql:
                mysql.Server = source.Host;
                mysql.Port = (uint)(source.Port ?? 3306);
                mysql.Database = source.Database;
                mysql.UserID = source.UserName;
                mysql.Password = password;
                mysql.ConnectionTimeout = ConnectTimeoutSeconds;
                mysql.AllowLoadLocalInfile = false;
                return new MySqlConnection(mysql.ConnectionString);
            case NpgsqlConnectionStringBuilder postgres:
                postgres.Host = source.Host;
                postgres.Port = source.Port ?? 5432;
                postgres.Database = source.Database;
                postgres.Username = source.UserName;
                postgres.Password = password;
                postgres.Timeout = ConnectTimeoutSeconds;
                postgres.Options = writable ? null : "-c default_transaction_read_only=on";
                return new NpgsqlConnection(postgres.ConnectionString);
            case SqliteConnectionStringBuilder sqlite:
                var file = sqliteFiles.Locate(source.Database);
                sqlite.DataSource = file.IsSuccess ? file.Value : throw new ArgumentException($"The SQLite file is not allowed ({file.Error!.Code})");
                sqlite.Mode = writable ? SqliteOpenMode.ReadWrite : SqliteOpenMode.ReadOnly;
                return new SqliteConnection(sqlite.ConnectionString);
            default:
                throw new ArgumentException($"Unknown data source type {source.Type}");
        }
    }

    /// <summary>Whether the options are accepted for the type (checked before saving).</summary>
    public static bool OptionsValid(DataSourceType type, string? options)
    {
        try
        {
            DataSourceOptionKeys.Apply(type, DataSourceOptionKeys.Builder(type), options);
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>
    /// Opens the connection. SQLite connections may not ATTACH other files (a statement could otherwise reach
    /// any database file on the server, the portal's own included), and a cancelled token interrupts the
    /// running statement (the SQLite driver does not watch tokens itself). A read-only MySQL source starts its
    /// session read-only (the real guard is an account with SELECT only; this catches mistakes).
    /// </summary>
    /// <param name="readOnly">Read-only even when the source allows writes (report queries).</param>
    public async Task<OpenedSource> OpenAsync(DataSource source, CancellationToken cancellationToken, bool readOnly = false)
    {
        if (source.Host is { } host && source.Type != DataSourceType.Sqlite)
        {
            // The driver resolves the name again; this refuses the portal's machine, link-local and metadata addresses.
            await egress.ResolveAsync(host, cancellationToken);
        }

        var connection = Create(source, readOnly);
        var interrupt = default(CancellationTokenRegistration);
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection sqlite)
            {
                SQLitePCL.raw.sqlite3_limit(sqlite.Handle, SQLitePCL.raw.SQLITE_LIMIT_ATTACHED, 0);
                interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(sqlite.Handle));
            }
            else if (connection is MySqlConnection && (readOnly || !source.AllowWrites))
            {
                await using var session = connection.CreateCommand();
                session.CommandText = "SET SESSION TRANSACTION READ ONLY";
                await session.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        return new OpenedSource(connection, interrupt);
    }
}
