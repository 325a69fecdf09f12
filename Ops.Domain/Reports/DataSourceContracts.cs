using Ops.Domain.Common;

namespace Ops.Domain.Reports;

/// <summary>
/// What an editor submits. <see cref="Password"/> null keeps the stored one (it is never sent back);
/// <see cref="ClearPassword"/> removes it.
/// </summary>
public sealed record DataSourceInput(
    string Name,
    DataSourceType Type,
    string? Host,
    int? Port,
    string Database,
    string? UserName,
    string? Password,
    string? Options,
    bool Enabled,
    bool ClearPassword = false,
    bool AllowWrites = false,
    long? DepartmentId = null,
    IReadOnlyList<long>? UseRoleIds = null,
    string? Description = null,
    int? QueryTimeoutSeconds = null,
    int? MaxRows = null);

/// <summary>A data source as lists and editors see it: no password, only whether one is stored.</summary>
public sealed record DataSourceRow(
    long Id,
    string Name,
    DataSourceType Type,
    string? Host,
    int? Port,
    string Database,
    string? UserName,
    bool HasPassword,
    string? Options,
    bool Enabled,
    DateTimeOffset? LastTestAt,
    bool? LastTestOk,
    string? LastTestMessage,
    int Version,
    bool AllowWrites = false,
    long? DepartmentId = null,
    IReadOnlyList<long>? UseRoleIds = null,
    string? Description = null,
    int? QueryTimeoutSeconds = null,
    int? MaxRows = null,
    DataSourceStatus Status = DataSourceStatus.Active);

public sealed record DataSourceTestResult(bool Ok, string Message, double DurationMs);

public sealed record SchemaColumn(string Name, string Type);

/// <summary>A table or view of a data source (schema-qualified outside the default schema) and its columns in order.</summary>
public sealed record SchemaTable(string Name, IReadOnlyList<SchemaColumn> Columns);

public sealed record DataSourceFilter(DataSourceType? Type = null, bool? Enabled = null);

public interface IDataSourceService
{
    Task<PagedResult<DataSourceRow>> ListAsync(DataSourceFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<DataSourceRow>> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Enabled data sources the caller may use (owner department in their data scope, or a granted role), by name, for pickers.</summary>
    Task<IReadOnlyList<DataSourceRow>> OptionsAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(DataSourceInput input, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, DataSourceInput input, int version, CancellationToken cancellationToken = default);

    /// <summary>Refused while jobs still use it.</summary>
    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The tables and columns the source's account can see (for the query editor), at most <c>MaxSchemaTables</c> tables.</summary>
    Task<Result<IReadOnlyList<SchemaTable>>> SchemaAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Opens a connection and runs <c>SELECT 1</c>; the outcome is recorded on the data source.</summary>
    Task<Result<DataSourceTestResult>> TestAsync(long id, CancellationToken cancellationToken = default);
}

/// <summary>Validation of data-source input, shared by the service and the editor.</summary>
public static class DataSourceRules
{
    public static Result Validate(DataSourceInput input)
    {
        var name = TextRules.Required(input.Name, DataSource.NameMaxLength, "field.name");
        if (name.IsFailure)
        {
            return name.Error!;
        }

        if (!Enum.IsDefined(input.Type))
        {
            return Error.Invalid("scheduler.datasource.type_invalid").On("datasource.type");
        }

        var database = TextRules.Required(input.Database, DataSource.DatabaseMaxLength, "field.database");
        if (database.IsFailure)
        {
            return database.Error!;
        }

        if (input.Type != DataSourceType.Sqlite)
        {
            var host = TextRules.Required(input.Host, DataSource.HostMaxLength, "field.host");
            if (host.IsFailure)
            {
                return host.Error!;
            }

            if (input.Port is { } port && port is < 1 or > 65535)
            {
                return Error.Invalid("scheduler.datasource.port_invalid").On("datasource.port");
            }
        }

        if (TextRules.Optional(input.UserName, DataSource.UserMaxLength, "field.user_name") is { IsFailure: true } user)
        {
            return user.Error!;
        }

        if (TextRules.Optional(input.Description, DataSource.DescriptionMaxLength, "field.description") is { IsFailure: true } description)
        {
            return description.Error!;
        }

        if (input.QueryTimeoutSeconds is < 1 or > Queries.QueryLimits.MaxTimeoutSeconds)
        {
            return Error.Invalid("common.range_between", 1, Queries.QueryLimits.MaxTimeoutSeconds).On("datasource.query_timeout");
        }

        if (input.MaxRows is < 1 or > Queries.QueryLimits.MaxMaxRows)
        {
            return Error.Invalid("common.range_between", 1, Queries.QueryLimits.MaxMaxRows).On("datasource.max_rows");
        }

        return TextRules.Optional(input.Options, DataSource.OptionsMaxLength, "field.options") is { IsFailure: true } options
            ? options.Error!
            : Result.Success();
    }
}
