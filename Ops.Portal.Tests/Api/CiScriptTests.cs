using System.Diagnostics;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Scheduler;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Api;

/// <summary>
/// <c>deploy/ci/run-job.sh</c>, as a CI pipeline runs it against a real portal over HTTP: sign in (or use a token),
/// start a job, poll its run to the end; the exit status says how it went.
/// </summary>
public sealed class CiScriptTests
{
    private static readonly Actor Admin = new(1, "admin", true, false);

    [Fact]
    public async Task WithAToken_TheScriptRunsTheJob_AndExitsZeroOnSuccess()
    {
        await using var factory = new OpsWebFactory();
        var url = factory.StartKestrel();
        var job = await ShellJobAsync(factory, "echo deploying ${version}; sleep 1; echo done");
        string token;
        await using (var scope = factory.Services.CreateScopeAs(Admin))
        {
            token = (await scope.ServiceProvider.GetRequiredService<IAccessTokenService>().CreateMineAsync(
                new AccessTokenInput("ci", [SchedulerPermissions.Jobs.Run, SchedulerPermissions.Jobs.View, SchedulerPermissions.Jobs.Script], DateTimeOffset.UtcNow.AddDays(1)))).Value.Token;
        }

        var (exit, output) = await RunScriptAsync(new() { ["OPS_URL"] = url, ["OPS_TOKEN"] = token }, job.ToString(System.Globalization.CultureInfo.InvariantCulture), "{\"version\":\"1.2.3\"}");

        Assert.True(exit == 0, output);
        Assert.Contains("succeeded", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAPassword_AFailingJob_ExitsOne_AndTheScriptSignsOut()
    {
        await using var factory = new OpsWebFactory();
        var url = factory.StartKestrel();
        var job = await ShellJobAsync(factory, "echo broken >&2; exit 3");

        var (exit, output) = await RunScriptAsync(new() { ["OPS_URL"] = url, ["OPS_USER"] = "admin", ["OPS_PASSWORD"] = OpsWebFactory.DefaultAdminPassword },
            job.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exit == 1, output);
        Assert.Contains("ended failed", output, StringComparison.Ordinal);
        await using var scope = factory.Services.CreateSystemScope();
        var sessions = await scope.ServiceProvider.GetRequiredService<Ops.Infrastructure.Auth.SessionService>().ListAsync(1, null);
        Assert.Empty(sessions);
    }

    [Fact]
    public async Task AWrongPassword_ExitsTwo_WithTheReason()
    {
        await using var factory = new OpsWebFactory();
        var url = factory.StartKestrel();

        var (exit, output) = await RunScriptAsync(new() { ["OPS_URL"] = url, ["OPS_USER"] = "admin", ["OPS_PASSWORD"] = "not the password at all" }, "1");

        Assert.Equal(2, exit);
        Assert.Contains("sign-in refused", output, StringComparison.Ordinal);
    }

    private static async Task<long> ShellJobAsync(OpsWebFactory factory, string script)
    {
        await using var scope = factory.Services.CreateScopeAs(Admin);
        var input = new JobInput("ci job", null, JobType.Shell, "0 0 0 1 1 ? 2099", "UTC", JobConfigJson.Serialize(new ShellJobConfig(script)), TimeoutSeconds: 60);
        var created = await scope.ServiceProvider.GetRequiredService<IJobService>().CreateAsync(input);
        Assert.True(created.IsSuccess, created.Error?.ToString());
        return created.Value;
    }

    private static async Task<(int Exit, string Output)> RunScriptAsync(Dictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(PageExtensions.RepositoryRoot(), "deploy", "ci", "run-job.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["OPS_TIMEOUT"] = "60";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        return (process.ExitCode, await stdout + await stderr);
    }
}
