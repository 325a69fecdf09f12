using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ops.Portal.Tests.Scheduler;

/// <summary>
/// A real local HTTP server for HTTP jobs: <c>/ok</c>, <c>/status/{code}</c>, <c>/slow</c> (answers after
/// 30 s unless the caller gives up), <c>/flaky</c> (500 for the first <see cref="FailFirst"/> calls).
/// Every hit is recorded with its time.
/// </summary>
public sealed class HttpTarget : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _flakyCalls;

    private HttpTarget(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public int FailFirst { get; set; }

    public ConcurrentQueue<(string Path, string Body, DateTimeOffset At, string? TraceHeader)> Hits { get; } = new();

    private readonly ConcurrentDictionary<string, TaskCompletionSource> _arrivals = new(StringComparer.Ordinal);

    /// <summary>Completes when the first request for <paramref name="path"/> has arrived (already, or later).</summary>
    public Task ArrivalOf(string path) => Arrival(path).Task;

    private TaskCompletionSource Arrival(string path) =>
        _arrivals.GetOrAdd(path, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public static async Task<HttpTarget> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var target = new HttpTarget(app);
        app.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            target.Hits.Enqueue((context.Request.Path + context.Request.QueryString, body, DateTimeOffset.UtcNow, context.Request.Headers["X-Ops-Trace-Id"].ToString()));
            target.Arrival(context.Request.Path).TrySetResult();
            await next();
        });
        app.Map("/ok", () => Results.Text("pong 你好"));
        app.Map("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.Map("/slow", async (CancellationToken aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            return Results.Text("late");
        });
        app.Map("/flaky", () => Interlocked.Increment(ref target._flakyCalls) <= target.FailFirst ? Results.StatusCode(500) : Results.Text("recovered"));
        await app.StartAsync();
        target.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return target;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
