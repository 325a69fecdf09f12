using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ops.Benchmarks;

/// <summary>
/// A web app run as its own process (<c>dotnet App.dll</c>) on a loopback port, so that its resident memory and heap
/// are its own and not the bench's or the browser driver's.
/// </summary>
internal sealed class ChildApp : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildApp(Process process, string address)
    {
        _process = process;
        Address = address;
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Address { get; }

    public int Id => _process.Id;

    public static async Task<ChildApp> StartAsync(string assembly, string workingDirectory, IReadOnlyDictionary<string, string> environment, string readyPath)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address);
        // Development serves the static web assets from the build output, the same way for both apps.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var app = new ChildApp(Process.Start(start)!, address);
        await app.WaitUntilServingAsync(readyPath);
        return app;
    }

    /// <summary>Resident memory of the process (VmRSS), in bytes.</summary>
    public long ResidentBytes()
    {
        var line = File.ReadLines($"/proc/{Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private async Task WaitUntilServingAsync(string readyPath)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The app exited while starting:\n" + string.Join('\n', _output));
            }

            try
            {
                using var response = await client.GetAsync(Address + readyPath);
                if (response.StatusCode is HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The app did not start within three minutes:\n" + string.Join('\n', _output));
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null && _output.Count < 2000)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
