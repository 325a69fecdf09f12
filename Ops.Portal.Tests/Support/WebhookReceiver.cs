using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Ops.Portal.Tests.Support;

/// <summary>A real HTTP receiver on a loopback port: records each delivery, fails on request.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, (TaskCompletionSource Arrived, TaskCompletionSource Release)> _holds = new();
    private int _failuresLeft;
    private int _requests;

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<(string Body, IReadOnlyDictionary<string, string> Headers, DateTimeOffset At)> Received { get; } = new();

    /// <summary>Robot calls: path, query and body, answered with the robot's success code.</summary>
    public ConcurrentQueue<(string Path, IReadOnlyDictionary<string, string> Query, string Body)> Robots { get; } = new();

    public string BaseUrl { get; private set; } = "";

    /// <summary>
    /// Holds the <paramref name="number"/>th request (counting from 1, failed ones included) until <c>Release</c> is called;
    /// <c>Arrived</c> completes when it is being held.
    /// </summary>
    public (Task Arrived, Action Release) Hold(int number)
    {
        var hold = (Arrived: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), Release: new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _holds[number] = hold;
        return (hold.Arrived.Task, () => hold.Release.TrySetResult());
    }

    /// <summary>Answer 500 to the next <paramref name="count"/> requests.</summary>
    public void FailNext(int count) => _failuresLeft = count;

    /// <summary>Starts on a free port, or on <paramref name="port"/> (a receiver coming back where it was).</summary>
    public static async Task<WebhookReceiver> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            if (receiver._holds.TryGetValue(Interlocked.Increment(ref receiver._requests), out var hold))
            {
                hold.Arrived.TrySetResult();
                await hold.Release.Task;
            }

            if (Interlocked.Decrement(ref receiver._failuresLeft) >= 0)
            {
                return Results.StatusCode(500);
            }

            receiver.Received.Enqueue((body, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), DateTimeOffset.UtcNow));
            return Results.Ok();
        });
        app.MapPost("/robot/{name}", async (string name, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            receiver.Robots.Enqueue(($"/robot/{name}", context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), await reader.ReadToEndAsync()));
            return name == "feishu" ? Results.Json(new { code = 0, msg = "success" }) : Results.Json(new { errcode = 0, errmsg = "ok" });
        });
        await app.StartAsync();
        receiver.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = receiver.BaseUrl + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
