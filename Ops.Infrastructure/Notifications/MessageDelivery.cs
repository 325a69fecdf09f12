using Ops.Domain.Notifications;
using Ops.Infrastructure.Common.Outbox;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// Sends one message of the outbox through the sender of its channel, within the channel's rate limit; every attempt is
/// kept for the message log's detail view. Per batch it looks up the in-app recipients once (<see cref="MessageBatch"/>).
/// </summary>
internal sealed class MessageDelivery(IEnumerable<IMessageSender> senders, ChannelRateLimiter limiter, MessageBatch batch, TimeProvider clock)
    : IOutboxDelivery<MessageLog>
{
    public Task PrepareAsync(IReadOnlyList<MessageLog> messages, CancellationToken cancellationToken) => batch.PrepareAsync(messages, cancellationToken);

    public async Task<DateTimeOffset?> DeliverAsync(MessageLog message, CancellationToken cancellationToken)
    {
        if (limiter.TryAcquire(message.Channel, clock.GetUtcNow()) is { } freeAt)
        {
            return freeAt;
        }

        var sender = senders.FirstOrDefault(s => s.Channel == message.Channel) ?? throw new DeliveryException(DeliveryTexts.NoSender(message.Channel));
        await sender.SendAsync(message, cancellationToken);
        return null;
    }

    public void Record(OpsDbContext db, MessageLog message, OutboxAttempt attempt) =>
        db.MessageAttempts.Add(new MessageAttempt(message.Id, attempt.Number, attempt.At, attempt.Error is null, attempt.Error, attempt.Duration.TotalMilliseconds));
}
