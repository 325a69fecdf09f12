using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Notifications;

namespace Ops.Portal.Hosting;

/// <summary>
/// Live in-app notifications for clients other than the portal's own pages (desktop helpers, other apps).
/// A signed-in client receives <c>NotificationArrived</c> with each new notification and
/// <c>NotificationsChanged</c> when its unread count changes elsewhere (read, deleted).
/// A connection lives only as long as the sign-in session it was opened with.
/// </summary>
[Authorize]
internal sealed class NotificationHub(HubConnections connections, SessionService sessions) : Hub
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User;
        var sessionId = user?.FindFirstValue(SessionService.ClaimType);
        if (!long.TryParse(user?.FindFirstValue(ClaimTypes.NameIdentifier), CultureInfo.InvariantCulture, out var userId)
            || sessionId is null || !await sessions.IsAliveAsync(sessionId, userId, touch: false, Context.ConnectionAborted))
        {
            Context.Abort();
            return;
        }

        connections.Add(Context, userId, sessionId);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

/// <summary>
/// Relays the in-process event bus to the hub: every notification event reaches the user's hub
/// connections whose session is still alive; revoked sessions lose their connections at once.
/// </summary>
internal sealed class NotificationHubRelay(
    IEventBus events, IHubContext<NotificationHub> hub, HubConnections connections, IServiceScopeFactory scopes) : IHostedService
{
    private readonly List<IDisposable> _subscriptions = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lock (_subscriptions)
        {
            _subscriptions.Add(events.Subscribe<NotificationArrived>(e => SendAsync(e.UserId, "NotificationArrived", e.Notification)));
            _subscriptions.Add(events.Subscribe<NotificationsChanged>(e => SendAsync(e.UserId, "NotificationsChanged", null)));
            _subscriptions.Add(events.Subscribe<SessionsRevoked>(e =>
            {
                connections.Abort(e.UserId, e.SessionIds);
                return Task.CompletedTask;
            }));
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

    // Sessions also end without an event (idle, absolute limit): each delivery checks them first.
    private async Task SendAsync(long userId, string method, object? payload)
    {
        var open = connections.OfUser(userId);
        if (open.Count == 0)
        {
            return;
        }

        var alive = new List<string>(open.Count);
        await using (var scope = scopes.CreateSystemScope())
        {
            var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
            foreach (var entry in open)
            {
                if (await sessions.IsAliveAsync(entry.SessionId, userId, touch: false))
                {
                    alive.Add(entry.Context.ConnectionId);
                }
                else
                {
                    connections.Abort(entry);
                }
            }
        }

        if (alive.Count > 0)
        {
            var clients = hub.Clients.Clients(alive);
            await (payload is null ? clients.SendAsync(method) : clients.SendAsync(method, payload));
        }
    }
}
