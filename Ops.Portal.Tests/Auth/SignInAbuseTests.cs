using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Ops.Domain.Audit;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>
/// Sign-in and registration do not tell who has an account (same answers, same password-hash work), outsiders cannot
/// lock a known account out, and attempts are rate-limited per address and per account.
/// </summary>
public sealed class SignInAbuseTests
{
    private static readonly RequestOrigin Attacker = new("203.0.113.9", "curl");
    private static readonly RequestOrigin Owner = new("10.1.1.1", "Chrome");

    [Fact]
    public async Task RealAndUnknownNames_GetTheSameAnswers_AndFailuresLockOnlyTheFailingAddress()
    {
        await using var factory = new OpsWebFactory();
        _ = factory.Server;

        var real = await FailFiveTimesAsync(factory, "admin");
        var unknown = await FailFiveTimesAsync(factory, "nobody.at.all");
        var rightPasswordFromAttacker = await SignInAsync(factory, "admin", OpsWebFactory.DefaultAdminPassword, Attacker);
        var ownerStillIn = await SignInAsync(factory, "admin", "a wrong guess", Owner);

        SignInOutcome[] expected = [.. Enumerable.Repeat(SignInOutcome.InvalidCredentials, 4), SignInOutcome.LockedOut, SignInOutcome.LockedOut];
        Assert.Equal(expected, real);
        Assert.Equal(expected, unknown);
        Assert.Equal(SignInOutcome.LockedOut, rightPasswordFromAttacker);
        Assert.Equal(SignInOutcome.InvalidCredentials, ownerStillIn);
        await using var scope = factory.Services.CreateSystemScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().FindByNameAsync("admin");
        Assert.False(await scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().IsLockedOutAsync(admin!));
    }

    [Fact]
    public async Task UnknownNames_WrongPasswords_AndLockedAccounts_EachCostOnePasswordHash()
    {
        var hashes = new HashCounter();
        await using var factory = new OpsWebFactory { ConfigureServices = s => s.AddScoped<IPasswordHasher<OpsUser>>(sp => hashes.Wrap(sp)) };
        _ = factory.Server;
        await SignInTests.CreateUserAsync(factory, "locked.one", "the right passphrase");
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("locked.one"))!, DateTimeOffset.UtcNow.AddDays(1));
        }

        var costs = new List<int>();
        foreach (var login in new[] { "nobody.at.all", "admin", "locked.one" })
        {
            var before = hashes.Verifications;
            Assert.Equal(SignInOutcome.InvalidCredentials, await SignInAsync(factory, login, "a wrong guess", Attacker));
            costs.Add(hashes.Verifications - before);
        }

        Assert.Equal([1, 1, 1], costs);
        Assert.Equal(SignInOutcome.LockedOut, await SignInAsync(factory, "locked.one", "the right passphrase", Owner));
    }

    [Fact]
    public async Task Attempts_AreLimitedPerAddress_AndPerAccount()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?>
        {
            ["Auth:AttemptsPerAddressPerMinute"] = "3", ["Auth:AttemptsPerAccountPerMinute"] = "4", ["Auth:MaxFailedAccessAttempts"] = "100",
        });
        _ = factory.Server;

        var fromOneAddress = new List<SignInOutcome>();
        for (var i = 0; i < 4; i++)
        {
            fromOneAddress.Add(await SignInAsync(factory, $"name{i}", "guess", Attacker));
        }

        var acrossAddresses = new List<SignInOutcome>();
        for (var i = 0; i < 5; i++)
        {
            acrossAddresses.Add(await SignInAsync(factory, "admin", "guess", new RequestOrigin($"198.51.100.{i}", "bot")));
        }

        Assert.Equal([SignInOutcome.InvalidCredentials, SignInOutcome.InvalidCredentials, SignInOutcome.InvalidCredentials, SignInOutcome.Throttled], fromOneAddress);
        Assert.Equal(SignInOutcome.Throttled, acrossAddresses[^1]);
        Assert.All(acrossAddresses[..4], o => Assert.Equal(SignInOutcome.InvalidCredentials, o));
    }

    [Fact]
    public async Task TheSignInPage_Answers429_WhenThrottled()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Auth:AttemptsPerAddressPerMinute"] = "2" });
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        await client.LoginAsync("x1", "guess one");
        await client.LoginAsync("x2", "guess two");
        var third = await client.LoginAsync("x3", "guess three");

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many attempts", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<SignInOutcome[]> FailFiveTimesAsync(OpsWebFactory factory, string login)
    {
        var outcomes = new List<SignInOutcome>();
        for (var i = 0; i < 5; i++)
        {
            outcomes.Add(await SignInAsync(factory, login, $"wrong {i}", Attacker));
        }

        outcomes.Add(await SignInAsync(factory, login, "wrong again", Attacker));
        return [.. outcomes];
    }

    private static async Task<SignInOutcome> SignInAsync(OpsWebFactory factory, string login, string password, RequestOrigin origin)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<SignInService>().PasswordSignInAsync(login, password, origin)).Outcome;
    }

    /// <summary>The real hasher, counting how often a password is checked against a hash.</summary>
    private sealed class HashCounter
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<OpsUser> Wrap(IServiceProvider services) =>
            new Counting(new PasswordHasher<OpsUser>(services.GetRequiredService<IOptions<PasswordHasherOptions>>()), this);

        private sealed class Counting(PasswordHasher<OpsUser> inner, HashCounter counter) : IPasswordHasher<OpsUser>
        {
            public string HashPassword(OpsUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(OpsUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
