namespace Ops.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

/// <summary>Section <c>Database</c> of the configuration.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string ConnectionStringName = "Ops";

    /// <summary>The MariaDB/MySQL version assumed when none is configured (no server needed at design time).</summary>
    public const string DefaultServerVersion = "10.11.0-mariadb";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool AutoMigrate { get; set; } = true;

    /// <summary>For MySql: e.g. <c>10.11.0-mariadb</c> or <c>8.0.36-mysql</c>.</summary>
    public string ServerVersion { get; set; } = DefaultServerVersion;

    /// <summary>The SQLite file used when no connection string is configured, relative to the content root.</summary>
    public static string DefaultSqliteConnectionString(string contentRoot) =>
        $"Data Source={Path.Combine(contentRoot, "App_Data", "ops.db")}";
}
