using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// In-app delivery: a notification row for the user, announced to their open pages. The row is keyed
/// by the message id, so a message dispatched twice (a lease lost mid-send) still shows once.
/// </summary>
internal sealed class InAppSender(IDbContextFactory<OpsDbContext> factory, MessageBatch batch, IEventBus events, TimeProvider clock) : IMessageSender
{
    public MessageChannel Channel => MessageChannel.InApp;

    public async Task SendAsync(MessageLog message, CancellationToken cancellationToken)
    {
        if (message.UserId is null)
        {
            throw new DeliveryException(DeliveryTexts.InAppNeedsUser);
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (!(batch.IsActive(message.UserId.Value) ?? await db.Users.AnyAsync(u => u.Id == message.UserId && u.IsActive, cancellationToken)))
        {
            throw new DeliveryException(DeliveryTexts.UserInactive(message.UserId.Value));
        }

        var row = Notification.FromMessage(message, clock.GetUtcNow());
        db.Notifications.Add(row);
        if (await UniqueViolation.TrySaveAsync(db, cancellationToken))
        {
            await events.PublishAsync(new NotificationArrived(row.UserId, NotificationService.ToView(row)));
        }
    }
}
