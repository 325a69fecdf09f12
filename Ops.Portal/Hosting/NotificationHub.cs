using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Hosting;

/// <summary>
/// Live in-app notifications for clients other than the portal's own pages (desktop helpers, other apps).
/// A signed-in client receives <c>NotificationArrived</c> with each new notification and
/// <c>NotificationsChanged</c> when its unread count changes elsewhere (read, deleted).
/// Users are addressed by their Identity user id (the default name-identifier claim).
/// </summary>
[Authorize]
public sealed class NotificationHub : Hub
{
    public const string Path = "/hubs/notifications";
}

/// <summary>Relays the in-process event bus to the hub: every notification event reaches the user's hub connections.</summary>
internal sealed class NotificationHubRelay(IEventBus events, IHubContext<NotificationHub> hub) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_subscriptions)
        {
            _subscriptions.Add(events.Subscribe<NotificationArrived>(e =>
                hub.Clients.User(UserKey(e.UserId)).SendAsync("NotificationArrived", e.Notification)));
            _subscriptions.Add(events.Subscribe<NotificationsChanged>(e =>
                hub.Clients.User(UserKey(e.UserId)).SendAsync("NotificationsChanged")));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        // Stop may run more than once (host and factory disposal); take the list once.
        IDisposable[] subscriptions;
        lock (_subscriptions)
        {
            subscriptions = [.. _subscriptions];
            _subscriptions.Clear();
        }

        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        return Task.CompletedTask;
    }

    private static string UserKey(long userId) => userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
