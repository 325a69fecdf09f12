using Ops.Domain.Approvals;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common.Outbox;

namespace Ops.Portal.Tests.Common;

/// <summary>Committing an outbox row that is due wakes that outbox's dispatcher, whichever service wrote the row, and only once it can be seen.</summary>
public sealed class OutboxWakeTests
{
    [Fact]
    public async Task ADueRowInATransaction_WakesItsOutboxAtTheCommit_NotBefore_AndNoOtherOutbox()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var signals = harness.Services.GetRequiredService<OutboxSignals>();
        var (messages, callbacks) = (signals.For(typeof(MessageLog)).Next, signals.For(typeof(ApprovalCallback)).Next);

        await using var db = await harness.CreateDbContextAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.MessageLogs.Add(Message(harness.Clock.GetUtcNow()));
            await db.SaveChangesAsync();
            Assert.False(messages.IsCompleted, "woken before the commit, the dispatcher would not see the row");
            await transaction.CommitAsync();
        }

        Assert.True(messages.IsCompleted);
        Assert.False(callbacks.IsCompleted);
    }

    [Fact]
    public async Task ARowDueLater_OrRolledBack_DoesNotWakeTheOutbox_ASavedOneDoes()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var pulse = harness.Services.GetRequiredService<OutboxSignals>().For(typeof(MessageLog));
        var woken = pulse.Next;
        var now = harness.Clock.GetUtcNow();
        await using var db = await harness.CreateDbContextAsync();

        db.MessageLogs.Add(Message(now.AddMinutes(5)));
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.MessageLogs.Add(Message(now));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.False(woken.IsCompleted);
        db.ChangeTracker.Clear();
        db.MessageLogs.Add(Message(now));
        await db.SaveChangesAsync();
        Assert.True(woken.IsCompleted);
    }

    private static MessageLog Message(DateTimeOffset due) =>
        new(MessageChannel.Webhook, "https://hooks.example/x", null, null, null, "{}", null, null, null, due);
}
