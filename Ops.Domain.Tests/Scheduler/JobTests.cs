using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;

namespace Ops.Domain.Tests.Scheduler;

public sealed class JobTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    private static readonly string HttpConfig = JobConfigJson.Serialize(new HttpJobConfig("GET", "https://example.com/"));

    private static JobInput Input(string name = " nightly ", JobType type = JobType.Http) => new(
        name, "  backs up  ", type, " 0 0 3 * * ? ", " Asia/Shanghai ", HttpConfig, RetryCount: 2, RetryIntervalSeconds: 30, TimeoutSeconds: 90,
        Enabled: false, Concurrency: ConcurrencyPolicy.Allow, Misfire: MisfirePolicy.Skip, Recoverable: true, DepartmentId: 7,
        AlertOnFailure: true, AlertOnTimeout: true, AlertAfterFailures: 3, AlertDurationSeconds: 60,
        AlertChannels: [MessageChannel.InApp, MessageChannel.Email, MessageChannel.InApp], AlertRecipients: [5, 6, 5]);

    [Fact]
    public void Create_FromValidInput_CarriesEverySettingTrimmed()
    {
        var job = Job.Create(Input()).Value;

        Assert.Equal(("nightly", "backs up", JobType.Http), (job.Name, job.Description, job.Type));
        Assert.Equal(("0 0 3 * * ?", "Asia/Shanghai", HttpConfig), (job.Cron, job.TimeZone, job.Config));
        Assert.Equal((2, 30, 90), (job.RetryCount, job.RetryIntervalSeconds, job.TimeoutSeconds));
        Assert.Equal((false, ConcurrencyPolicy.Allow, MisfirePolicy.Skip, true, 7L), (job.Enabled, job.Concurrency, job.Misfire, job.Recoverable, job.DepartmentId));
        Assert.Equal((true, true, 3, 60), (job.AlertOnFailure, job.AlertOnTimeout, job.AlertAfterFailures, job.AlertDurationSeconds));
        Assert.Equal(("InApp,Email", "5,6"), (job.AlertChannels, job.AlertRecipients));
        Assert.Equal([MessageChannel.InApp, MessageChannel.Email], job.Channels());
        Assert.Equal([5L, 6L], job.Recipients());
    }

    [Fact]
    public void Create_WithInvalidInput_IsRefusedWithTheRuleError()
    {
        var result = Job.Create(Input() with { TimeoutSeconds = -1 });

        Assert.Equal("scheduler.job.timeout_invalid", result.Error?.Code);
    }

    [Fact]
    public void Configure_ChangingTheType_IsRefusedAndChangesNothing()
    {
        var job = Job.Create(Input()).Value;

        var result = job.Configure(Input("renamed", JobType.Shell) with { Config = "{\"script\":\"echo\"}" });

        Assert.Equal("scheduler.job.type_fixed", result.Error?.Code);
        Assert.Equal("nightly", job.Name);
    }

    [Fact]
    public void Configure_WithInvalidInput_IsRefusedAndChangesNothing()
    {
        var job = Job.Create(Input()).Value;

        var result = job.Configure(Input("renamed") with { RetryCount = Job.MaxRetries + 1, Cron = "0 0 4 * * ?" });

        Assert.Equal("scheduler.job.retry_count_invalid", result.Error?.Code);
        Assert.Equal(("nightly", "0 0 3 * * ?"), (job.Name, job.Cron));
    }

    [Fact]
    public void Configure_ReplacesTheSettings()
    {
        var job = Job.Create(Input()).Value;

        var result = job.Configure(new JobInput("renamed", null, JobType.Http, "0 */5 * * * ?", "UTC", HttpConfig));

        Assert.True(result.IsSuccess);
        Assert.Equal(("renamed", null, "0 */5 * * * ?", "UTC"), (job.Name, job.Description, job.Cron, job.TimeZone));
        Assert.Equal(("", "", true, (long?)null), (job.AlertChannels, job.AlertRecipients, job.Enabled, job.DepartmentId));
    }

    [Theory]
    [InlineData("", "UTC", "common.required")]
    [InlineData("0 0 3 * * ?", " ", "scheduler.job.timezone_invalid")]
    public void Reschedule_WithoutCronOrZone_IsRefused(string cron, string zone, string code)
    {
        var job = Job.Create(Input()).Value;

        Assert.Equal(code, job.Reschedule(cron, zone).Error?.Code);
        Assert.Equal(("0 0 3 * * ?", "Asia/Shanghai"), (job.Cron, job.TimeZone));
    }

    [Fact]
    public void Reschedule_SetsCronAndZone()
    {
        var job = Job.Create(Input()).Value;

        Assert.True(job.Reschedule(" 0 30 2 * * ? ", "Europe/Berlin").IsSuccess);
        Assert.Equal(("0 30 2 * * ?", "Europe/Berlin"), (job.Cron, job.TimeZone));
    }

    [Fact]
    public void EnableAndDisable_SayWhetherTheyChangedAnything()
    {
        var job = Job.Create(Input()).Value;

        Assert.False(job.Disable());
        Assert.True(job.Enable());
        Assert.False(job.Enable());
        Assert.True(job.IsScheduled);
        Assert.True(job.Disable());
        Assert.False(job.IsScheduled);
    }

    [Fact]
    public void Pause_UntilATimeAlreadyPast_IsRefused()
    {
        var job = Job.Create(Input()).Value;

        var result = job.Pause(Now, Now);

        Assert.Equal("scheduler.job.resume_in_past", result.Error?.Code);
        Assert.False(job.IsPaused);
    }

    [Fact]
    public void PauseUntil_HoldsFiresUntilResumeIsDue_ThenResumeEndsIt()
    {
        var job = Job.Create(Input() with { Enabled = true }).Value;

        Assert.True(job.Pause(Now.AddHours(1), Now).IsSuccess);

        Assert.Equal((true, false, Now.AddHours(1)), (job.IsPaused, job.IsScheduled, job.PausedUntil));
        Assert.False(job.ResumeIsDue(Now));
        Assert.True(job.ResumeIsDue(Now.AddHours(1).AddMilliseconds(-500)));
        job.Resume();
        Assert.Equal((false, true, (DateTimeOffset?)null), (job.IsPaused, job.IsScheduled, job.PausedUntil));
        Assert.False(job.ResumeIsDue(Now.AddHours(2)));
    }

    [Fact]
    public void PausedByHand_IsNeverDueToResumeByItself()
    {
        var job = Job.Create(Input()).Value;

        Assert.True(job.Pause(null, Now).IsSuccess);

        Assert.False(job.ResumeIsDue(Now.AddYears(1)));
    }
}
