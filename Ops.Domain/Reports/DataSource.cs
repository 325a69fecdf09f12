using Ops.Domain.Common;

namespace Ops.Domain.Reports;

/// <summary>
/// The engines a data source can point at. The first three have ADO.NET drivers (SQL jobs run on them too); ClickHouse
/// and Elasticsearch are queried in SQL over HTTP, MongoDB with an aggregation pipeline. Stored by name.
/// </summary>
public enum DataSourceType
{
    MySql,
    PostgreSql,
    Sqlite,
    ClickHouse,
    Elasticsearch,
    MongoDb,
}

public static class DataSourceTypes
{
    /// <summary>Whether SQL jobs can run statements on the type (an ADO.NET driver that writes).</summary>
    public static bool RunsJobs(this DataSourceType type) => type is DataSourceType.MySql or DataSourceType.PostgreSql or DataSourceType.Sqlite;

    /// <summary>The server's usual port, or null for a file.</summary>
    public static int? DefaultPort(this DataSourceType type) => type switch
    {
        DataSourceType.MySql => 3306,
        DataSourceType.PostgreSql => 5432,
        DataSourceType.ClickHouse => 8123,
        DataSourceType.Elasticsearch => 9200,
        DataSourceType.MongoDb => 27017,
        _ => null,
    };
}

public enum DataSourceStatus
{
    Active,
    Inactive,
    Error,
}

/// <summary>
/// A database that SQL jobs (and later reports) query. The password is stored encrypted and never
/// leaves the server; <see cref="ProtectedPassword"/> is the Data Protection ciphertext.
/// </summary>
public sealed class DataSource : AuditableEntity, IVersioned, ISoftDeletable, IChangeTracked
{
    public const int NameMaxLength = 100;
    public const int HostMaxLength = 255;
    public const int DatabaseMaxLength = 500;
    public const int UserMaxLength = 100;
    public const int OptionsMaxLength = 1000;
    public const int MessageMaxLength = 1000;
    public const int RoleIdsMaxLength = 2000;

    private DataSource()
    {
    }

    public DataSource(string name) => Name = name;

    public string Name { get; set; } = "";

    public DataSourceType Type { get; set; }

    public string? Host { get; set; }

    public int? Port { get; set; }

    /// <summary>The database name, or for SQLite the file path.</summary>
    public string Database { get; set; } = "";

    public string? UserName { get; set; }

    public string? ProtectedPassword { get; set; }

    /// <summary>Extra connection-string options, <c>key=value;key=value</c>.</summary>
    public string? Options { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>Opened read-write; otherwise read-only (SQLite's read-only mode, a read-only session elsewhere).</summary>
    public bool AllowWrites { get; set; }

    /// <summary>The owning department: users whose data scope covers it may use the source (in SQL jobs, reports).</summary>
    public long? DepartmentId { get; set; }

    /// <summary>Roles whose holders may use the source whatever their data scope, as <c>1,2,3</c>.</summary>
    public string? UseRoleIds { get; set; }

    public const int DescriptionMaxLength = 500;

    public string? Description { get; set; }

    /// <summary>How long a report query may run on the server, in seconds; null: <see cref="Queries.QueryLimits.DefaultTimeoutSeconds"/>.</summary>
    public int? QueryTimeoutSeconds { get; set; }

    /// <summary>How many rows a report shows at most; null: <see cref="Queries.QueryLimits.DefaultMaxRows"/>.</summary>
    public int? MaxRows { get; set; }

    public Queries.QueryLimits Limits => new(QueryTimeoutSeconds ?? Queries.QueryLimits.DefaultTimeoutSeconds, MaxRows ?? Queries.QueryLimits.DefaultMaxRows);

    /// <summary>The spec's status: inactive when disabled, error when the last test or query could not reach it, else active.</summary>
    public DataSourceStatus Status => !Enabled ? DataSourceStatus.Inactive : LastTestOk == false ? DataSourceStatus.Error : DataSourceStatus.Active;

    public DateTimeOffset? LastTestAt { get; private set; }

    public bool? LastTestOk { get; private set; }

    public string? LastTestMessage { get; private set; }

    public int Version { get; private set; }

    public bool IsDeleted { get; private set; }

    public DateTimeOffset? DeletedAt { get; private set; }

    public void RecordTest(DateTimeOffset at, bool ok, string message)
    {
        LastTestAt = at;
        LastTestOk = ok;
        LastTestMessage = message.Length <= MessageMaxLength ? message : message[..MessageMaxLength];
    }
}
