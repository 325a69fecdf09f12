using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Ops.Infrastructure;
using Ops.Infrastructure.Audit;

namespace Ops.Portal.Tests.Support;

/// <summary>
/// The infrastructure services on a real database without the web host: for persistence and
/// service tests that run on both providers.
/// </summary>
public sealed class InfrastructureHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private InfrastructureHarness(TestDatabase database, ServiceProvider services)
    {
        Database = database;
        _services = services;
    }

    public TestDatabase Database { get; }

    public TestCurrentUser CurrentUser => _services.GetRequiredService<TestCurrentUser>();

    public ManualClock Clock => (ManualClock)_services.GetRequiredService<TimeProvider>();

    public IServiceProvider Services => _services;

    public static async Task<InfrastructureHarness> StartAsync(
        DatabaseProvider provider, bool migrate = true, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        var database = TestDatabase.Create(provider);

        // Fewer PBKDF2 rounds keep the many test sign-ups fast; the production figure has its own test.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:PasswordHashIterations"] = "1000", ["DataSources:SqliteDirectory"] = Path.GetTempPath() })
            .AddInMemoryCollection(TestEgress.Settings)
            .AddInMemoryCollection(database.Settings)
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new ManualClock(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero)));
        services.AddSingleton<TestCurrentUser>();
        services.AddScoped<ICurrentUser, ScopedTestCurrentUser>();
        services.AddSingleton<IRequestOriginAccessor, TestRequestOrigin>();
        services.AddOpsInfrastructure(configuration, new TestHostEnvironment());
        configure?.Invoke(services);
        var provider_ = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        var harness = new InfrastructureHarness(database, provider_);
        if (migrate)
        {
            await OpsStartup.MigrateAsync(provider_);
        }

        return harness;
    }

    /// <summary>A context as services get it: through the scoped factory, stamped with the current actor.</summary>
    public async Task<OpsDbContext> CreateDbContextAsync()
    {
        var scope = _services.CreateAsyncScope();
        var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>().CreateDbContextAsync();
        return context;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    internal sealed class TestHostEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "Ops.Tests";

        public string ContentRootPath { get; set; } = Path.GetTempPath();

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
