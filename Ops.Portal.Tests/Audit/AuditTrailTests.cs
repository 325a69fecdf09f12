using System.Diagnostics;
using Ops.Domain.Audit;

namespace Ops.Portal.Tests.Audit;

public sealed class AuditTrailTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Record_StoresWhoWhatResultOriginAndTrace(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        harness.CurrentUser.Actor = new Actor(7, "zhang.wei", true, false);
        using var activity = new Activity("audit-test").Start();

        await harness.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditTrail>().RecordAsync(
                new AuditEntry("scheduler", "job.run", "job", "12", AuditResult.Denied, "missing scheduler.jobs.run"));
            return 0;
        });

        await using var db = await harness.CreateDbContextAsync();
        var log = await db.AuditLogs.SingleAsync();
        Assert.Equal((7L, "zhang.wei"), (log.UserId!.Value, log.UserName));
        Assert.Equal(("scheduler", "job.run", "job", "12"), (log.Module, log.Action, log.ResourceType, log.ResourceId));
        Assert.Equal(AuditResult.Denied, log.Result);
        Assert.Equal(("127.0.0.1", "xunit"), (log.IpAddress, log.UserAgent));
        Assert.Equal(activity.TraceId.ToString(), log.TraceId);
        Assert.Equal(harness.Clock.Now, log.Time);
    }

    [Fact]
    public void OverlongValues_AreClipped_NotRejected()
    {
        var log = new AuditLog(DateTimeOffset.UnixEpoch, Actor.System, new AuditEntry("m", "a", Detail: new string('x', 5000)),
            new RequestOrigin("ip", new string('u', 1000)), null);

        Assert.Equal(AuditLog.LongText, log.Detail!.Length);
        Assert.Equal(AuditLog.MediumText, log.UserAgent!.Length);
    }
}
