using Microsoft.AspNetCore.Identity;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Auth;

/// <summary>Registration answers a taken name or e-mail exactly as a new one (and creates nothing), and is rate-limited per address.</summary>
public sealed class RegistrationAbuseTests
{
    private static readonly RequestOrigin Visitor = new("203.0.113.7", "curl");

    [Fact]
    public async Task ATakenNameOrEmail_GetsTheSameAnswerAsANewOne_AndNothingIsCreated()
    {
        await using var factory = new OpsWebFactory();
        await OpenRegistrationAsync(factory);
        await using (var scope = factory.Services.CreateSystemScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OpsUser>>();
            Assert.True((await users.CreateAsync(new OpsUser { UserName = "taken.name", Email = "taken@ops.example", IsActive = true }, "a taken passphrase")).Succeeded);
        }

        var takenName = await RegisterAsync(factory, "taken.name", "someone@ops.example", "a fresh passphrase");
        var takenEmail = await RegisterAsync(factory, "fresh.name", "TAKEN@ops.example", "a fresh passphrase");
        var weakOnTaken = await RegisterAsync(factory, "taken.name", "x@ops.example", "short");
        var weakOnNew = await RegisterAsync(factory, "brand.new", "y@ops.example", "short");
        var fresh = await RegisterAsync(factory, "brand.new", "brand.new@ops.example", "a fresh passphrase");

        Assert.True(takenName.IsSuccess);
        Assert.True(takenEmail.IsSuccess);
        Assert.True(fresh.IsSuccess);
        Assert.Equal(weakOnNew.Error?.Code, weakOnTaken.Error?.Code);
        Assert.NotNull(weakOnTaken.Error);
        await using var check = factory.Services.CreateSystemScope();
        var all = check.ServiceProvider.GetRequiredService<UserManager<OpsUser>>().Users.Select(u => u.UserName).ToList();
        Assert.DoesNotContain("fresh.name", all);
        Assert.Contains("brand.new", all);
        Assert.Single(all, n => n == "taken.name");
    }

    [Fact]
    public async Task Registrations_AreLimitedPerAddress()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Auth:RegistrationsPerAddressPerHour"] = "2" });
        await OpenRegistrationAsync(factory);

        var outcomes = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add((await RegisterAsync(factory, $"bot{i}", $"bot{i}@ops.example", "a bot passphrase")).Error?.Code);
        }

        var otherAddress = await factory.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<RegistrationService>()
            .RegisterAsync(new Registration("person", null, "person@ops.example", null, "a person passphrase"), new RequestOrigin("10.2.2.2", "Chrome"));

        Assert.Equal([null, null, "account.login.throttled"], outcomes);
        Assert.True(otherAddress.IsSuccess);
    }

    private static async Task OpenRegistrationAsync(OpsWebFactory factory)
    {
        await using var scope = factory.Services.CreateSystemScope();
        var department = (await scope.ServiceProvider.GetRequiredService<IDepartmentService>().CreateAsync(new("访客", "GUESTS", null, null, 0))).Value;
        Assert.True((await scope.ServiceProvider.GetRequiredService<RegistrationService>().SetSettingsAsync(new RegistrationSettings(true, department))).IsSuccess);
    }

    private static async Task<Result> RegisterAsync(OpsWebFactory factory, string name, string email, string password)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RegistrationService>()
            .RegisterAsync(new Registration(name, null, email, null, password), Visitor);
    }
}
