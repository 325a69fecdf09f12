using Ops.Domain.Audit;
using Ops.Infrastructure.Auth;

namespace Ops.Portal.Tests.Audit;

public sealed class LoginLogServiceTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Filters_ByNameResultAndPeriod_NewestFirst(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var origin = new RequestOrigin("10.0.0.8", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 MicroMessenger/8.0.40");
        await harness.AsSystemAsync(async sp =>
        {
            var recorder = sp.GetRequiredService<LoginRecorder>();
            await recorder.RecordAsync(1, "alice", LoginType.Password, LoginResult.Success, null, origin);
            harness.Clock.Advance(TimeSpan.FromHours(1));
            await recorder.RecordAsync(null, "mallory", LoginType.Password, LoginResult.Failed, "unknown_user", origin);
            harness.Clock.Advance(TimeSpan.FromHours(1));
            await recorder.RecordAsync(1, "alice", LoginType.Mfa, LoginResult.Failed, "mfa_failed", null);
            return 0;
        });
        harness.CurrentUser.Actor = Actor.System;

        async Task<string[]> Query(LoginLogFilter filter) =>
            (await harness.InScopeAsync(sp => sp.GetRequiredService<ILoginLogService>().QueryAsync(filter, new PageRequest())))
                .Items.Select(r => $"{r.UserName}:{r.Result}").ToArray();

        Assert.Equal(["alice:Failed", "mallory:Failed", "alice:Success"], await Query(new()));
        Assert.Equal(["alice:Failed", "alice:Success"], await Query(new() { UserName = "ali" }));
        Assert.Equal(["alice:Success"], await Query(new() { Result = LoginResult.Success }));
        Assert.Equal(["mallory:Failed"], await Query(new() { From = harness.Clock.Now.AddMinutes(-90), To = harness.Clock.Now.AddMinutes(-30) }));
        var first = (await harness.InScopeAsync(sp => sp.GetRequiredService<ILoginLogService>().QueryAsync(new() { UserName = "mallory" }, new PageRequest()))).Items.Single();
        Assert.Equal(("WeChat 8", "iOS", "Mobile"), (first.Browser, first.OperatingSystem, first.Device));
    }
}
