using System.Text.Json;
using System.Text.Json.Serialization;
using Ops.Domain.Common;

namespace Ops.Domain.Scheduler;

/// <summary>The per-type settings of a job, stored as JSON in <see cref="Job.Config"/>.</summary>
public abstract record JobConfig;

/// <summary>An HTTP call; <see cref="ExpectedStatus"/> lists codes and ranges, e.g. <c>200-299,304</c>.</summary>
public sealed record HttpJobConfig(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Body = null,
    string ExpectedStatus = "200-299") : JobConfig;

/// <summary>A bash script run as a child process.</summary>
public sealed record ShellJobConfig(
    string Script,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null) : JobConfig;

/// <summary>A statement run on a data source.</summary>
public sealed record SqlJobConfig(long DataSourceId, string Statement, int StatementTimeoutSeconds = 60) : JobConfig;

/// <summary>A Python script run by the configured interpreter.</summary>
public sealed record PythonJobConfig(
    string Script,
    IReadOnlyList<string>? Arguments = null,
    string? WorkingDirectory = null,
    IReadOnlyDictionary<string, string>? Environment = null) : JobConfig;

/// <summary>Reads, checks and writes job configs. Bad config is a localized error, never an exception.</summary>
public static class JobConfigJson
{
    public const int ScriptMaxLength = 100_000;
    public const int StatementMaxLength = 50_000;
    public const int UrlMaxLength = 2_000;
    public const int BodyMaxLength = 100_000;
    public const int MaxStatementTimeoutSeconds = 3_600;

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(JobConfig config) => JsonSerializer.Serialize(config, config.GetType(), Json);

    public static Result<JobConfig> Parse(JobType type, string? json)
    {
        if (!Enum.IsDefined(type))
        {
            return Error.Invalid("scheduler.job.type_invalid");
        }

        JobConfig? config;
        try
        {
            config = type switch
            {
                JobType.Http => JsonSerializer.Deserialize<HttpJobConfig>(json ?? "", Json),
                JobType.Shell => JsonSerializer.Deserialize<ShellJobConfig>(json ?? "", Json),
                JobType.Sql => JsonSerializer.Deserialize<SqlJobConfig>(json ?? "", Json),
                JobType.Python => JsonSerializer.Deserialize<PythonJobConfig>(json ?? "", Json),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return Error.Invalid("scheduler.job.config_invalid");
        }

        if (config is null)
        {
            return Error.Invalid("scheduler.job.config_invalid");
        }

        var check = Validate(config);
        return check.IsFailure ? check.Error! : config;
    }

    public static Result Validate(JobConfig config) => config switch
    {
        HttpJobConfig http => ValidateHttp(http),
        ShellJobConfig shell => Script(shell.Script),
        PythonJobConfig python => Script(python.Script),
        SqlJobConfig sql => ValidateSql(sql),
        _ => Error.Invalid("scheduler.job.type_invalid"),
    };

    /// <summary>Whether <paramref name="status"/> is in a list like <c>200-299,304</c>; null when the list is malformed.</summary>
    public static bool? StatusMatches(string expected, int status)
    {
        foreach (var part in expected.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', StringSplitOptions.TrimEntries);
            if (bounds.Length > 2 || !int.TryParse(bounds[0], out var low) || low is < 100 or > 599)
            {
                return null;
            }

            var high = low;
            if (bounds.Length == 2 && (!int.TryParse(bounds[1], out high) || high < low || high > 599))
            {
                return null;
            }

            if (status >= low && status <= high)
            {
                return true;
            }
        }

        return expected.Trim().Length == 0 ? null : false;
    }

    private static Result ValidateHttp(HttpJobConfig http)
    {
        if (!Methods.Contains(http.Method?.ToUpperInvariant()))
        {
            return Error.Invalid("scheduler.job.http_method_invalid");
        }

        if (http.Url is null || http.Url.Length > UrlMaxLength || !Uri.TryCreate(http.Url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return Error.Invalid("scheduler.job.url_invalid");
        }

        if (http.Body?.Length > BodyMaxLength)
        {
            return Error.Invalid("common.too_long", "field.body", BodyMaxLength);
        }

        if (http.Headers?.Keys.Any(k => string.IsNullOrWhiteSpace(k) || k.Any(char.IsWhiteSpace)) == true)
        {
            return Error.Invalid("scheduler.job.header_invalid");
        }

        return StatusMatches(http.ExpectedStatus ?? "", 200) is null ? Error.Invalid("scheduler.job.expected_status_invalid") : Result.Success();
    }

    private static Result ValidateSql(SqlJobConfig sql)
    {
        if (sql.DataSourceId <= 0)
        {
            return Error.Invalid("scheduler.job.datasource_required");
        }

        if (string.IsNullOrWhiteSpace(sql.Statement))
        {
            return Error.Invalid("common.required", "field.statement");
        }

        if (sql.Statement.Length > StatementMaxLength)
        {
            return Error.Invalid("common.too_long", "field.statement", StatementMaxLength);
        }

        return sql.StatementTimeoutSeconds is < 1 or > MaxStatementTimeoutSeconds
            ? Error.Invalid("scheduler.job.statement_timeout_invalid", MaxStatementTimeoutSeconds)
            : Result.Success();
    }

    private static Result Script(string? script)
    {
        if (string.IsNullOrWhiteSpace(script))
        {
            return Error.Invalid("common.required", "field.script");
        }

        return script.Length > ScriptMaxLength ? Error.Invalid("scheduler.job.script_too_long", ScriptMaxLength) : Result.Success();
    }
}
