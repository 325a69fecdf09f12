using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;

namespace Ops.Portal.Components.Pages.Scheduler;

/// <summary>The job editor's state: plain settable fields for the form, converted to and from <see cref="JobInput"/>.</summary>
public sealed class JobForm
{
    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public JobType Type { get; set; } = JobType.Http;

    public string Cron { get; set; } = "0 0 2 * * ?";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public int RetryCount { get; set; }

    public int RetryIntervalSeconds { get; set; } = 60;

    public int TimeoutSeconds { get; set; } = 300;

    public bool Enabled { get; set; } = true;

    public ConcurrencyPolicy Concurrency { get; set; }

    public MisfirePolicy Misfire { get; set; }

    public bool Recoverable { get; set; }

    public long? DepartmentId { get; set; }

    public bool AlertOnFailure { get; set; }

    public bool AlertOnTimeout { get; set; }

    public int? AlertAfterFailures { get; set; }

    public int? AlertDurationSeconds { get; set; }

    public IReadOnlyCollection<MessageChannel> AlertChannels { get; set; } = [];

    public List<long> AlertRecipients { get; set; } = [];

    // HTTP
    public string HttpMethod { get; set; } = "GET";

    public string Url { get; set; } = "https://";

    public List<KeyValue> Headers { get; set; } = [];

    public string? Body { get; set; }

    public string ExpectedStatus { get; set; } = "200-299";

    // Shell and Python
    public string Script { get; set; } = "";

    public string? Arguments { get; set; }

    public string? WorkingDirectory { get; set; }

    public List<KeyValue> Environment { get; set; } = [];

    // SQL
    public long? DataSourceId { get; set; }

    public string Statement { get; set; } = "";

    public int StatementTimeoutSeconds { get; set; } = 60;

    public JobConfig Config() => Type switch
    {
        JobType.Http => new HttpJobConfig(HttpMethod, Url.Trim(), Dictionary(Headers), string.IsNullOrEmpty(Body) ? null : Body, ExpectedStatus),
        JobType.Shell => new ShellJobConfig(Script, Blank(WorkingDirectory), Dictionary(Environment)),
        JobType.Python => new PythonJobConfig(Script, SplitArguments(Arguments), Blank(WorkingDirectory), Dictionary(Environment)),
        _ => new SqlJobConfig(DataSourceId ?? 0, Statement, StatementTimeoutSeconds),
    };

    public JobInput ToInput() => new(
        Name, Description, Type, Cron, TimeZone, JobConfigJson.Serialize(Config()), RetryCount, RetryIntervalSeconds, TimeoutSeconds, Enabled,
        Concurrency, Misfire, Recoverable, DepartmentId, AlertOnFailure, AlertOnTimeout, AlertAfterFailures, AlertDurationSeconds,
        AlertChannels.ToList(), AlertRecipients);

    public static JobForm From(JobInput input)
    {
        var form = new JobForm
        {
            Name = input.Name, Description = input.Description, Type = input.Type, Cron = input.Cron, TimeZone = input.TimeZone,
            RetryCount = input.RetryCount, RetryIntervalSeconds = input.RetryIntervalSeconds, TimeoutSeconds = input.TimeoutSeconds,
            Enabled = input.Enabled, Concurrency = input.Concurrency, Misfire = input.Misfire, Recoverable = input.Recoverable,
            DepartmentId = input.DepartmentId, AlertOnFailure = input.AlertOnFailure, AlertOnTimeout = input.AlertOnTimeout,
            AlertAfterFailures = input.AlertAfterFailures, AlertDurationSeconds = input.AlertDurationSeconds,
            AlertChannels = input.AlertChannels ?? [], AlertRecipients = (input.AlertRecipients ?? []).ToList(),
        };
        switch (JobConfigJson.Parse(input.Type, input.Config).Value)
        {
            case HttpJobConfig http:
                (form.HttpMethod, form.Url, form.Headers, form.Body, form.ExpectedStatus) = (http.Method, http.Url, Pairs(http.Headers), http.Body, http.ExpectedStatus);
                break;
            case ShellJobConfig shell:
                (form.Script, form.WorkingDirectory, form.Environment) = (shell.Script, shell.WorkingDirectory, Pairs(shell.Environment));
                break;
            case PythonJobConfig python:
                (form.Script, form.WorkingDirectory, form.Environment) = (python.Script, python.WorkingDirectory, Pairs(python.Environment));
                form.Arguments = python.Arguments is { Count: > 0 } args ? string.Join(' ', args) : null;
                break;
            case SqlJobConfig sql:
                (form.DataSourceId, form.Statement, form.StatementTimeoutSeconds) = (sql.DataSourceId, sql.Statement, sql.StatementTimeoutSeconds);
                break;
        }

        return form;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static IReadOnlyList<string>? SplitArguments(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, string>? Dictionary(List<KeyValue> pairs)
    {
        var filled = pairs.Where(p => !string.IsNullOrWhiteSpace(p.Key)).ToList();
        return filled.Count == 0 ? null : filled.GroupBy(p => p.Key.Trim()).ToDictionary(g => g.Key, g => g.Last().Value ?? "");
    }

    private static List<KeyValue> Pairs(IReadOnlyDictionary<string, string>? values) =>
        (values ?? new Dictionary<string, string>()).Select(p => new KeyValue { Key = p.Key, Value = p.Value }).ToList();
}

/// <summary>One row of a headers or environment editor.</summary>
public sealed class KeyValue
{
    public string Key { get; set; } = "";

    public string? Value { get; set; }
}
