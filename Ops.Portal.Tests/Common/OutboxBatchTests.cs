using System.Collections.Concurrent;
using System.Globalization;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Notifications;
using Ops.Infrastructure.Scheduler;

namespace Ops.Portal.Tests.Common;

/// <summary>
/// The generic outbox's batch pass, driven pass by pass on a real database (the message outbox, its webhook sender
/// replaced by one that records): one claim statement, parallel attempts, one recording transaction, and the lease rules
/// that keep at-least-once when two nodes race.
/// </summary>
public sealed class OutboxBatchTests
{
    public static TheoryData<DatabaseProvider> Providers => [DatabaseProvider.Sqlite, DatabaseProvider.MySql];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ABatch_IsClaimedInOneStatement_AndReadInOne_WhateverItsSize(DatabaseProvider provider)
    {
        var sender = new RecordingSender();
        await using var harness = await StartAsync(provider, sender);
        using var sql = await SqlCommandLog.StartAsync(harness);
        var statements = new List<int>();
        foreach (var size in new[] { 5, 40 })
        {
            await EnqueueAsync(harness, size);
            sql.Clear();
            Assert.Equal(size, await Dispatcher(harness).DispatchOnceAsync(CancellationToken.None));
            var commands = sql.Commands;
            Assert.StartsWith("UPDATE", commands[0], StringComparison.OrdinalIgnoreCase);
            Assert.Contains("LIMIT", commands[0], StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("SELECT", commands[1], StringComparison.OrdinalIgnoreCase);
            Assert.Single(commands, c => c.Contains("LIMIT", StringComparison.OrdinalIgnoreCase) && c.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase));
            // The outcomes are saved row by row (SQLite's provider sends one statement per changed row), but the pass's
            // reads and its one recording transaction do not grow with the batch.
            statements.Add(sql.Reads);
            Assert.Equal(1, sql.Transactions);
        }

        Assert.True(statements[0] == statements[1], string.Join("\n", sql.Commands));
        Assert.Equal(45, sender.Sent.Count);
        Assert.All(sender.Sent.Values, n => Assert.Equal(1, n));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task EveryAttempt_IsRecorded_SuccessesAndFailures(DatabaseProvider provider)
    {
        var sender = new RecordingSender { OnSend = m => m.Id % 4 == 0 ? throw new DeliveryException("refused " + m.Id) : Task.CompletedTask };
        await using var harness = await StartAsync(provider, sender);
        await EnqueueAsync(harness, 20);

        await Dispatcher(harness).DispatchOnceAsync(CancellationToken.None);

        await using var db = await harness.CreateDbContextAsync();
        var messages = await db.MessageLogs.AsNoTracking().ToListAsync();
        var attempts = await db.MessageAttempts.AsNoTracking().ToListAsync();
        Assert.Equal(20, attempts.Count);
        Assert.All(messages, m =>
        {
            var attempt = Assert.Single(attempts, a => a.MessageId == m.Id);
            Assert.Equal((1, m.Id % 4 != 0), (attempt.Number, attempt.Success));
            Assert.Equal(m.Id % 4 == 0 ? MessageStatus.Pending : MessageStatus.Sent, m.Status);
            Assert.Null(m.LeaseOwner);
        });
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TwoDispatchers_RacingOverTheSameRows_DeliverEachExactlyOnce(DatabaseProvider provider)
    {
        const int Messages = 200;
        var sender = new RecordingSender { OnSend = async _ => await Task.Yield() };
        await using var harness = await StartAsync(provider, sender);
        await EnqueueAsync(harness, Messages);
        var first = Dispatcher(harness);
        var second = ActivatorUtilities.CreateInstance<OutboxDispatcher<MessageLog, MessageStatus>>(
            harness.Services, harness.Services.GetRequiredService<OutboxOptions>(), new NodeIdentity(harness.Services.GetRequiredService<SchedulerOptions>()));

        var claimed = new[] { 0, 0 };
        for (var round = 0; round < 50 && claimed.Sum() < Messages; round++)
        {
            var passes = await Task.WhenAll(Task.Run(() => first.DispatchOnceAsync(CancellationToken.None)), Task.Run(() => second.DispatchOnceAsync(CancellationToken.None)));
            (claimed[0], claimed[1]) = (claimed[0] + passes[0], claimed[1] + passes[1]);
        }

        Assert.Equal(Messages, claimed.Sum());
        Assert.Equal(Messages, sender.Sent.Count);
        Assert.All(sender.Sent.Values, n => Assert.Equal(1, n));
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(Messages, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Sent && m.Attempts == 1));
        Assert.Equal(Messages, await db.MessageAttempts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ALeaseLostMidBatch_LeavesThatRowsOutcomeToTheNewHolder(DatabaseProvider provider)
    {
        var (held, release) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource());
        var sender = new RecordingSender();
        await using var harness = await StartAsync(provider, sender);
        var ids = await EnqueueAsync(harness, 3);
        var lost = ids[1];
        sender.OnSend = async m =>
        {
            if (m.Id == lost)
            {
                held.TrySetResult();
                await release.Task;
            }
        };

        var pass = Dispatcher(harness).DispatchOnceAsync(CancellationToken.None);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var newHolder = "other-node/" + new string('1', 32);
        var until = harness.Clock.GetUtcNow().AddMinutes(5);
        await using (var db = await harness.CreateDbContextAsync())
        {
            // As a node that found the lease run out would leave it: claimed under its own name.
            await db.MessageLogs.Where(m => m.Id == lost).ExecuteUpdateAsync(u => u
                .SetProperty(m => m.LeaseOwner, newHolder).SetProperty(m => m.LeaseUntil, (DateTimeOffset?)until));
        }

        release.SetResult();
        await pass.WaitAsync(TimeSpan.FromSeconds(30));

        await using var check = await harness.CreateDbContextAsync();
        var rows = await check.MessageLogs.AsNoTracking().ToDictionaryAsync(m => m.Id);
        Assert.Equal((MessageStatus.Sending, newHolder, 0), (rows[lost].Status, rows[lost].LeaseOwner, rows[lost].Attempts));
        Assert.False(await check.MessageAttempts.AnyAsync(a => a.MessageId == lost));
        Assert.All(ids.Where(id => id != lost), id => Assert.Equal((MessageStatus.Sent, 1), (rows[id].Status, rows[id].Attempts)));
        Assert.Equal(2, await check.MessageAttempts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ParallelDeliveries_RespectTheChannelRateLimit(DatabaseProvider provider)
    {
        var sender = new RecordingSender { OnSend = async _ => await Task.Yield() };
        await using var harness = await StartAsync(provider, sender, new() { ["Outbox:RateLimits:Webhook"] = "10", ["Outbox:Parallelism"] = "8" });
        await EnqueueAsync(harness, 40);

        Assert.Equal(40, await Dispatcher(harness).DispatchOnceAsync(CancellationToken.None));

        Assert.Equal(10, sender.Sent.Count);
        await using var db = await harness.CreateDbContextAsync();
        var later = harness.Clock.GetUtcNow().AddMinutes(1);
        Assert.Equal(10, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Sent));
        var deferred = await db.MessageLogs.AsNoTracking().Where(m => m.Status == MessageStatus.Pending).ToListAsync();
        Assert.Equal(30, deferred.Count);
        Assert.All(deferred, m => Assert.Equal((0, later, (string?)null), (m.Attempts, m.NextAttemptAt, m.LeaseOwner)));
        Assert.Equal(10, await db.MessageAttempts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StopMidBatch_FinishesTheStartedRows_AndHandsBackTheRest(DatabaseProvider provider)
    {
        var (bothStarted, release) = (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource());
        var started = 0;
        var sender = new RecordingSender
        {
            OnSend = async _ =>
            {
                if (Interlocked.Increment(ref started) == 2)
                {
                    bothStarted.TrySetResult();
                }

                await release.Task;
            },
        };
        await using var harness = await StartAsync(provider, sender, new() { ["Outbox:Parallelism"] = "2" });
        await EnqueueAsync(harness, 10);
        using var stop = new CancellationTokenSource();

        var pass = Dispatcher(harness).DispatchOnceAsync(stop.Token);
        await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        release.SetResult();
        await pass.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, sender.Sent.Count);
        await using var db = await harness.CreateDbContextAsync();
        Assert.Equal(2, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Sent && m.Attempts == 1));
        Assert.Equal(8, await db.MessageLogs.CountAsync(m => m.Status == MessageStatus.Pending && m.LeaseOwner == null && m.Attempts == 0));
        Assert.Equal(2, await db.MessageAttempts.CountAsync());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task InAppMessagesOfABatch_LookTheirUsersUpOnce(DatabaseProvider provider)
    {
        await using var harness = await StartAsync(provider, new RecordingSender());
        var users = new List<long>();
        foreach (var name in new[] { "ann", "bob", "cai" })
        {
            users.Add((await harness.UserAsync(name)).UserId!.Value);
        }

        await using (var db = await harness.CreateDbContextAsync())
        {
            var now = harness.Clock.GetUtcNow();
            foreach (var (user, i) in users.Concat(users).Select((u, i) => (u, i)))
            {
                db.MessageLogs.Add(new MessageLog(MessageChannel.InApp, user.ToString(CultureInfo.InvariantCulture), user, null, $"notice {i}", "body", null, null, null, now));
            }

            await db.SaveChangesAsync();
        }

        using var sql = await SqlCommandLog.StartAsync(harness);
        Assert.Equal(6, await Dispatcher(harness).DispatchOnceAsync(CancellationToken.None));

        Assert.Single(sql.Commands, c => c.Contains("t_user", StringComparison.Ordinal) && c.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase));
        await using var check = await harness.CreateDbContextAsync();
        Assert.Equal(6, await check.Notifications.CountAsync());
        Assert.Equal(6, await check.MessageLogs.CountAsync(m => m.Status == MessageStatus.Sent));
    }

    private static OutboxDispatcher<MessageLog, MessageStatus> Dispatcher(InfrastructureHarness harness) =>
        harness.Services.GetRequiredService<OutboxDispatcher<MessageLog, MessageStatus>>();

    private static Task<InfrastructureHarness> StartAsync(DatabaseProvider provider, RecordingSender sender, Dictionary<string, string?>? settings = null) =>
        InfrastructureHarness.StartAsync(provider, settings: settings, configure: services =>
            // First among the senders, so the delivery picks it for the webhook channel.
            services.Insert(0, ServiceDescriptor.Scoped<IMessageSender>(_ => sender)));

    private static async Task<long[]> EnqueueAsync(InfrastructureHarness harness, int count)
    {
        await using var db = await harness.CreateDbContextAsync();
        var now = harness.Clock.GetUtcNow();
        var rows = Enumerable.Range(0, count).Select(i => new MessageLog(MessageChannel.Webhook, $"https://hooks.example/{i}", null, null, null, "{}", null, null, null, now)).ToList();
        db.MessageLogs.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    private sealed class RecordingSender : IMessageSender
    {
        public MessageChannel Channel => MessageChannel.Webhook;

        public ConcurrentDictionary<long, int> Sent { get; } = new();

        public Func<MessageLog, Task>? OnSend { get; set; }

        public async Task SendAsync(MessageLog message, CancellationToken cancellationToken)
        {
            if (OnSend is { } onSend)
            {
                await onSend(message);
            }

            Sent.AddOrUpdate(message.Id, 1, (_, n) => n + 1);
        }
    }
}
