using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The built portal run as a real child process on a given database, so that a test can kill it the way a crash does
/// (SIGKILL: no shutdown code runs, its children are left behind) and start it again on the same data.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PortalProcess(Process process, string address)
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

    /// <summary>What the process printed so far (stdout and stderr).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the portal on <paramref name="database"/> and waits until it answers on HTTP.</summary>
    public static async Task<PortalProcess> StartAsync(TestDatabase database, string directory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        start.ArgumentList.Add(PortalBuild.Assembly());
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(address);
        foreach (var (key, value) in database.Settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Directory"] = Path.Combine(directory, "logs");
        start.Environment["Auth__PasswordHashIterations"] = "1000";
        start.Environment["OPS_ADMIN_PASSWORD"] = "process admin passphrase";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var portal = new PortalProcess(Process.Start(start)!, address);
        await portal.WaitUntilServingAsync();
        return portal;
    }

    /// <summary>SIGKILL, as a crash or the OOM killer would: the portal gets no chance to stop its jobs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            Assert.False(_process.HasExited, "The portal exited while starting:\n" + string.Join('\n', _output));
            try
            {
                using var response = await client.GetAsync(Address + "/health");
                if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting.
            }

            Assert.True(DateTime.UtcNow < deadline, "The portal did not start within two minutes:\n" + string.Join('\n', _output));
            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is not null)
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

/// <summary>Where the portal's build output is, for tests that run it as a process.</summary>
public static class PortalBuild
{
    public static string Assembly()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var path = Path.Combine(PageExtensions.RepositoryRoot(), "Ops.Portal", "bin", configuration, "net10.0", "Ops.Portal.dll");
        Assert.True(File.Exists(path), $"Build the portal first: {path}");
        return path;
    }
}
