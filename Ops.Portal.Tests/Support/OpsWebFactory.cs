using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Ops.Infrastructure.Auth;
using Ops.Portal.Hosting;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The real portal on a throw-away database. <see cref="StartKestrelAsync"/> serves it on a real
/// loopback port for the browser; otherwise the in-memory test server is used.
/// </summary>
public sealed class OpsWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database;
    private readonly string _logDirectory = Path.Combine(Path.GetTempPath(), $"ops-test-logs-{Guid.NewGuid():N}");

    public OpsWebFactory(
        DatabaseProvider provider = DatabaseProvider.Sqlite, string? adminPassword = DefaultAdminPassword, TimeProvider? clock = null,
        IReadOnlyDictionary<string, string?>? settings = null, TestDatabase? database = null, string environment = "Development")
    {
        _environment = environment;
        _database = database ?? TestDatabase.Create(provider);
        _ownsDatabase = database is null;
        AdminPassword = adminPassword;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly bool _ownsDatabase;

    private readonly TimeProvider? _clock;

    public const string DefaultAdminPassword = "correct horse battery staple";

    public string? AdminPassword { get; }

    public CapturingAnnouncer Announcer { get; } = new();

    /// <summary>Replaces services before the host starts (a decorator that counts calls, say).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    public DatabaseProvider Provider => _database.Provider;

    /// <summary>Every line the portal logged so far (Serilog's daily files in this factory's own directory).</summary>
    public IReadOnlyList<string> LogLines() =>
        !Directory.Exists(_logDirectory) ? [] : [.. Directory.GetFiles(_logDirectory, "ops-*.log").Order(StringComparer.Ordinal).SelectMany(ReadShared)];

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Serves on 127.0.0.1 with a free port and returns the base address.</summary>
    public string StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return address.TrimEnd('/');
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _database.Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Logging:Directory", _logDirectory);
        builder.UseSetting(AdminBootstrapper.PasswordVariable, AdminPassword ?? "");
        // Fewer PBKDF2 rounds keep sign-ins fast in tests; production uses 210,000.
        builder.UseSetting("Auth:PasswordHashIterations", "1000");
        // Tests keep their SQLite data-source files (and the portal's own database) in the temporary directory.
        builder.UseSetting("DataSources:SqliteDirectory", Path.GetTempPath());
        foreach (var (key, value) in TestEgress.Settings)
        {
            builder.UseSetting(key, value);
        }

        // Tests sign in far more often than people do; the throttle has its own tests with low limits.
        builder.UseSetting("Auth:AttemptsPerAddressPerMinute", "10000");
        builder.UseSetting("Auth:AttemptsPerAccountPerMinute", "10000");
        builder.UseSetting("Auth:RegistrationsPerAddressPerHour", "10000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseEnvironment(_environment);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupAnnouncer>(Announcer);
            ConfigureServices?.Invoke(services);
            if (_clock is not null)
            {
                services.AddSingleton(_clock);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await _database.DisposeAsync();
        }

        if (Directory.Exists(_logDirectory))
        {
            Directory.Delete(_logDirectory, recursive: true);
        }
    }
}

public sealed class CapturingAnnouncer : IStartupAnnouncer
{
    private readonly TaskCompletionSource<(string Url, AdminBootstrapResult Admin)> _announced = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<(string Url, AdminBootstrapResult Admin)> Announced => _announced.Task;

    public void Announce(string url, AdminBootstrapResult admin) => _announced.TrySetResult((url, admin));
}
