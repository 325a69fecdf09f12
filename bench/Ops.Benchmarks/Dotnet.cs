using System.Diagnostics;

namespace Ops.Benchmarks;

/// <summary>Runs the <c>dotnet</c> CLI (a template build, a local tool) and returns its output; a failure throws with both streams.</summary>
internal static class Dotnet
{
    public static async Task<string> RunAsync(string directory, string? hint, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}){hint}:\n{await output}{await error}");
        }

        return await output;
    }
}
