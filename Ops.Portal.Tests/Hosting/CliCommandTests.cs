using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Ops.Portal.Tests.Hosting;

/// <summary>The administrative verbs, run as a real process of the built portal.</summary>
public sealed class CliCommandTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"ops-cli-{Guid.NewGuid():N}");

    public CliCommandTests() => Directory.CreateDirectory(_directory);

    private string Database => Path.Combine(_directory, "ops.db");

    [Fact]
    public async Task Migrate_CreatesTheSchema_AndExits()
    {
        var (code, output) = await RunAsync(["migrate"]);

        Assert.Equal(0, code);
        Assert.Contains("Database is up to date.", output, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM t_user"));
        Assert.True(Scalar("SELECT COUNT(*) FROM t_permission") > 0);
    }

    [Fact]
    public async Task CreateAdmin_ReadsThePasswordFromTheEnvironment_AndRefusesDuplicates()
    {
        var environment = new Dictionary<string, string> { ["OPS_ADMIN_PASSWORD"] = "a strong root passphrase" };

        var (code, output) = await RunAsync(["create-admin", "ops.root"], environment);
        var (again, error) = await RunAsync(["create-admin", "ops.root"], environment);

        Assert.Equal(0, code);
        Assert.Contains("Superuser 'ops.root' created.", output, StringComparison.Ordinal);
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM t_user WHERE UserName = 'ops.root' AND IsSuperuser = 1"));
        Assert.Equal(1, again);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAdmin_RefusesACommonPassword()
    {
        var (code, output) = await RunAsync(["create-admin", "weak"], new() { ["OPS_ADMIN_PASSWORD"] = "password123" });

        Assert.Equal(1, code);
        Assert.Contains("This password is too common", output, StringComparison.Ordinal);
        Assert.Equal(0L, Scalar("SELECT COUNT(*) FROM t_user WHERE UserName = 'weak'"));
    }

    [Fact]
    public async Task SeedDemo_CreatesDepartmentsUsersAndApprovalTypes_Once()
    {
        var environment = new Dictionary<string, string> { ["OPS_DEMO_PASSWORD"] = "demo passphrase 2026" };

        var (code, output) = await RunAsync(["seed-demo"], environment);
        var (again, second) = await RunAsync(["seed-demo"], environment);

        Assert.Equal(0, code);
        Assert.Contains("10 users created", output, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Contains("0 users created", second, StringComparison.Ordinal);
        Assert.Contains("(2 new)", output, StringComparison.Ordinal);
        Assert.Contains("(0 new)", second, StringComparison.Ordinal);
        Assert.Equal(2L, Scalar("SELECT COUNT(*) FROM t_workflow_definition_version v JOIN t_workflow_definition d ON v.DefinitionId = d.Id WHERE d.Code IN ('leave', 'purchase') AND d.Status = 'Published'"));
        Assert.Equal(10L, Scalar("SELECT COUNT(*) FROM AspNetUserRoles ur JOIN t_role r ON ur.RoleId = r.Id WHERE r.Name = 'employee'"));
        Assert.Equal(10L, Scalar("SELECT COUNT(*) FROM t_department"));
        Assert.Equal(10L, Scalar("SELECT COUNT(*) FROM t_user"));
        Assert.Equal(1L, Scalar("SELECT COUNT(*) FROM t_department d JOIN t_department p ON d.ParentId = p.Id WHERE d.Code = 'IT-OPS' AND p.Code = 'IT' AND d.Path LIKE p.Path || '%'"));
    }

    private async Task<(int Code, string Output)> RunAsync(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(PortalBuild.Assembly());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Ops"] = $"Data Source={Database}";
        start.Environment["Logging__Directory"] = Path.Combine(_directory, "logs");
        start.Environment["OPS_ADMIN_PASSWORD"] = null;
        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output + await error);
    }

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Database};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
