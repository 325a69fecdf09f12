using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Common;

/// <summary>A form's key makes a repeated command (double click, retry) return the first result instead of a second record.</summary>
public sealed class IdempotencyTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunOnce_TwoConcurrentCallsWithOneKey_RunTheCommandOnce_AndBothGetItsResult(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var runs = 0;
        var release = new TaskCompletionSource();

        Task<Result<long>> Call() => harness.InScopeAsync(sp => sp.GetRequiredService<IdempotentCommands>().RunOnceAsync("test.op", "key-1", 7, async () =>
        {
            Interlocked.Increment(ref runs);
            await release.Task;
            return 42L;
        }));

        var first = Call();
        var second = Call();
        release.SetResult();
        var results = await Task.WhenAll(first, second);

        Assert.Equal(1, runs);
        Assert.All(results, r => Assert.Equal(42L, r.Value));
        var again = await Call();
        Assert.Equal(42L, again.Value);
        Assert.Equal(1, runs);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RunOnce_AFailedCommand_LeavesNoClaim_SoARetryRunsIt(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var answers = new Queue<Result<long>>([Error.Invalid("common.required", "field.name"), 5L]);

        Task<Result<long>> Call() => harness.InScopeAsync(sp =>
            sp.GetRequiredService<IdempotentCommands>().RunOnceAsync("test.op", "key-2", 7, () => Task.FromResult(answers.Dequeue())));

        Assert.True((await Call()).IsFailure);
        Assert.Equal(5L, (await Call()).Value);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task SendNotification_TwiceConcurrentlyWithOneKey_DeliversOnce(DatabaseProvider provider)
    {
        await using var harness = await InfrastructureHarness.StartAsync(provider);
        var role = await harness.RoleAsync("senders", null, null, NotificationPermissions.Notifications.Send);
        var recipient = await harness.UserAsync("recipient");
        harness.CurrentUser.Actor = await harness.UserAsync("sender", roles: [role]);
        var message = new InAppMessage(NotificationType.Personal, NotificationLevel.Info, "Maintenance", "Tonight at 22:00", IdempotencyKey: "form-1");

        Task<Result<int>> Send(InAppMessage m) => harness.InScopeAsync(sp => sp.GetRequiredService<INotificationService>().SendAsync(m, [recipient.UserId!.Value]));

        var results = await Task.WhenAll(Send(message), Send(message));
        Assert.All(results, r => Assert.Equal(1, r.Value));
        Assert.Equal(1, await CountAsync(harness, recipient.UserId!.Value));

        // Another form (another key) is another send.
        Assert.Equal(1, (await Send(message with { IdempotencyKey = "form-2" })).Value);
        Assert.Equal(2, await CountAsync(harness, recipient.UserId!.Value));
    }

    private static async Task<int> CountAsync(InfrastructureHarness harness, long userId)
    {
        await using var db = await harness.CreateDbContextAsync();
        return await db.Notifications.CountAsync(n => n.UserId == userId);
    }
}
