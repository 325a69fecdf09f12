using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Ops.Domain.Scheduler;

namespace Ops.Infrastructure.Scheduler.Execution;

/// <summary>
/// Calls a URL. <c>${name}</c> in the URL (encoded), headers and body is replaced by the run's parameter;
/// a status outside the expected list is a failure; the response is kept up to the output limit.
/// </summary>
internal sealed class HttpJobExecutor(IHttpClientFactory clients, SchedulerOptions options) : IJobExecutor
{
    public const string ClientName = "scheduler";

    public JobType Type => JobType.Http;

    public async Task<ExecutionResult> ExecuteAsync(JobExecution execution, CancellationToken cancellationToken)
    {
        var config = (HttpJobConfig)execution.Config;
        var url = Substitute(config.Url, execution.Parameters, Uri.EscapeDataString);
        using var request = new HttpRequestMessage(new HttpMethod(config.Method.ToUpperInvariant()), url);
        if (config.Body is { Length: > 0 } body && request.Method != HttpMethod.Get && request.Method != HttpMethod.Head)
        {
            request.Content = new StringContent(Substitute(body, execution.Parameters, v => v), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        foreach (var (name, value) in config.Headers ?? new Dictionary<string, string>())
        {
            var text = Substitute(value, execution.Parameters, v => v);
            if (!request.Headers.TryAddWithoutValidation(name, text))
            {
                request.Content?.Headers.Remove(name);
                request.Content?.Headers.TryAddWithoutValidation(name, text);
            }
        }

        request.Headers.TryAddWithoutValidation("X-Ops-Trace-Id", execution.TraceId);
        execution.Output($"{request.Method} {url}");
        using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var content = await ReadCappedAsync(response, options.OutputLimitBytes, cancellationToken);
        var status = (int)response.StatusCode;
        var summary = string.Create(CultureInfo.InvariantCulture, $"HTTP {status} {response.ReasonPhrase}");
        execution.Output(summary);
        var result = summary + "\n" + content;
        return JobConfigJson.StatusMatches(config.ExpectedStatus, status) == true
            ? ExecutionResult.Ok(result)
            : ExecutionResult.Failed($"{summary}: not in the expected {config.ExpectedStatus}", result);
    }

    private static string Substitute(string text, IReadOnlyDictionary<string, string> parameters, Func<string, string> encode)
    {
        foreach (var (name, value) in parameters)
        {
            text = text.Replace("${" + name + "}", encode(value), StringComparison.Ordinal);
        }

        return text;
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[limit + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total, buffer.Length - total), cancellationToken)) > 0)
        {
            total += read;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, Math.Min(total, limit));
        return total > limit ? text + "\n… (truncated)" : text;
    }
}
