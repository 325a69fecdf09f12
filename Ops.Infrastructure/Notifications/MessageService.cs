using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// The send API. One send is a batch of one: templates, recipients, suppressions and the keys already queued are
/// looked up once for the whole batch, and every row is written in one save.
/// </summary>
internal sealed class MessageService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, TimeProvider clock) : IMessageService
{
    /// <summary>Recipients one send may reach after roles and departments are expanded.</summary>
    public const int MaxRecipients = NotificationService.MaxRecipients;

    /// <summary>Rounds against concurrent sends with the same idempotency key before giving up.</summary>
    private const int KeyClashRounds = 3;

    public async Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default) =>
        (await SendManyAsync([request], cancellationToken))[0];

    public async Task<IReadOnlyList<Result<int>>> SendManyAsync(IReadOnlyList<SendRequest> requests, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Notifications.Send, cancellationToken);
        if (requests.Count == 0)
        {
            return [];
        }

        IReadOnlyList<Result<MessageSendPlan>> plans;
        SendSuppression suppression;
        var now = clock.GetUtcNow();
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            plans = await MessageSendPlan.CheckAsync(db, requests, cancellationToken);
            suppression = await SendSuppression.LoadAsync(db, plans.Where(p => p.IsSuccess).SelectMany(p => p.Value.Targets).ToList(), now, cancellationToken);
        }

        var ready = plans.Where(p => p.IsSuccess).Select(p => p.Value).ToList();
        if (ready.Count == 0)
        {
            return plans.Select(p => (Result<int>)p.Error!).ToList();
        }

        for (var round = 1; ; round++)
        {
            await using var write = await factory.CreateDbContextAsync(cancellationToken);
            var queued = await AlreadyQueuedAsync(write, ready, cancellationToken);
            // In the order given: a later request with an earlier one's key queues only the recipients still missing.
            var messages = plans.Select(p => p.IsSuccess ? p.Value.Messages(suppression, queued, now) : []).ToList();
            write.MessageLogs.AddRange(messages.SelectMany(m => m));

            // A concurrent send with the same key took some recipients: reload the keys and queue the rest.
            if (await Common.UniqueViolation.TrySaveAsync(write, cancellationToken))
            {
                return plans.Select((p, i) => p.IsSuccess ? messages[i].Count(m => m.Status == MessageStatus.Pending) : (Result<int>)p.Error!).ToList();
            }

            if (round == KeyClashRounds)
            {
                return plans.Select(p => p.IsSuccess ? Error.Conflict("message.send.busy") : (Result<int>)p.Error!).ToList();
            }
        }
    }

    /// <summary>Recipients the sends' idempotency keys have already queued, per key and channel: one query for the whole batch.</summary>
    private static async Task<HashSet<(string Key, MessageChannel Channel, string Recipient)>> AlreadyQueuedAsync(
        OpsDbContext db, IReadOnlyList<MessageSendPlan> plans, CancellationToken cancellationToken)
    {
        var keys = plans.Where(p => p.Request.IdempotencyKey is not null).Select(p => p.Request.IdempotencyKey!).Distinct(StringComparer.Ordinal).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var rows = await db.MessageLogs.Where(m => m.IdempotencyKey != null && keys.Contains(m.IdempotencyKey))
            .Select(m => new { m.IdempotencyKey, m.Channel, m.Recipient }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.IdempotencyKey!, r.Channel, r.Recipient)).ToHashSet();
    }
}
