using System.Net;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Tests.Notifications;

/// <summary>The SignalR hub at /hubs/notifications delivers a user's notifications to that user's clients only.</summary>
public sealed class NotificationHubTests
{
    [Fact]
    public async Task SignedInClient_ReceivesItsOwnNotification_AndNotOthers()
    {
        await using var factory = new OpsWebFactory();
        var (cookie, adminId) = await SignInAsync(factory);
        await using var connection = Connect(factory, cookie);
        var received = new TaskCompletionSource<NotificationView>(TaskCreationOptions.RunContinuationsAsynchronously);
        var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<NotificationView>("NotificationArrived", n => received.TrySetResult(n));
        connection.On("NotificationsChanged", () => changed.TrySetResult());
        await connection.StartAsync();
        // The handshake completes before the hub has checked the session and registered the connection.
        var hubConnections = factory.Services.GetRequiredService<Ops.Portal.Hosting.HubConnections>();
        Assert.True(SpinWait.SpinUntil(() => hubConnections.OfUser(adminId).Count > 0, TimeSpan.FromSeconds(10)));

        await using (var scope = factory.Services.CreateSystemScope())
        {
            var notifications = scope.ServiceProvider.GetRequiredService<INotificationService>();
            await notifications.SendAsync(new InAppMessage(NotificationType.System, NotificationLevel.Info, "别人的", "not for admin"), [adminId + 1_000], default);
            await notifications.SendAsync(new InAppMessage(NotificationType.Alert, NotificationLevel.Warning, "磁盘告警", "/data 95%"), [adminId], default);
        }

        var view = await received.Task.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.Equal("磁盘告警", view.Title);
        Assert.Equal(NotificationLevel.Warning, view.Level);
    }

    [Fact]
    public async Task AnonymousClient_IsRefused()
    {
        await using var factory = new OpsWebFactory();
        _ = factory.CreateClient();
        await using var connection = Connect(factory, cookie: null);
        await Assert.ThrowsAnyAsync<Exception>(() => connection.StartAsync());
    }

    [Fact]
    public async Task PageOfAnotherOrigin_IsRefused_OwnAndConfiguredOriginsAreServed()
    {
        await using var factory = new OpsWebFactory(settings: new Dictionary<string, string?> { ["Security:AllowedOrigins:0"] = "http://desk.example:8443" });
        var (cookie, _) = await SignInAsync(factory);
        var client = factory.CreateClient();

        async Task<HttpStatusCode> NegotiateAsync(string? origin)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/hubs/notifications/negotiate?negotiateVersion=1");
            request.Headers.Add("Cookie", cookie);
            if (origin is not null)
            {
                request.Headers.Add("Origin", origin);
            }

            return (await client.SendAsync(request)).StatusCode;
        }

        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("http://localhost:5999"));
        Assert.Equal(HttpStatusCode.Forbidden, await NegotiateAsync("http://evil.example"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("http://localhost"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync("http://desk.example:8443"));
        Assert.Equal(HttpStatusCode.OK, await NegotiateAsync(null));
        var sockets = factory.Server.CreateWebSocketClient();
        sockets.ConfigureRequest = r =>
        {
            r.Headers.Origin = "http://localhost:5999";
            r.Headers.Cookie = cookie;
        };
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => sockets.ConnectAsync(new Uri("ws://localhost/hubs/notifications?id=x"), default));
        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedSession_ClosesItsConnection()
    {
        await using var factory = new OpsWebFactory();
        var (cookie, adminId) = await SignInAsync(factory);
        await using var connection = Connect(factory, cookie);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();

        await using (var scope = factory.Services.CreateSystemScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<Ops.Infrastructure.Auth.SessionService>().RevokeAsync(adminId));
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task IdleSession_ReceivesNothing_AndIsClosed()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        var (cookie, adminId) = await SignInAsync(factory);
        await using var connection = Connect(factory, cookie);
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<NotificationView>("NotificationArrived", _ => received.TrySetResult());
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();

        clock.Advance(TimeSpan.FromMinutes(31));
        await using (var scope = factory.Services.CreateSystemScope())
        {
            await scope.ServiceProvider.GetRequiredService<INotificationService>()
                .SendAsync(new InAppMessage(NotificationType.System, NotificationLevel.Info, "过期后", "after the session ended"), [adminId], default);
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(received.Task.IsCompleted);
    }

    private static async Task<(string Cookie, long AdminId)> SignInAsync(OpsWebFactory factory)
    {
        var cookies = new CookieContainer();
        var client = factory.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
        var login = await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        await using var scope = factory.Services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Ops.Infrastructure.Auth.OpsUser>>();
        var admin = await users.FindByNameAsync("admin");
        return (cookies.GetCookieHeader(new Uri("http://localhost/")), admin!.Id);
    }

    private static HubConnection Connect(OpsWebFactory factory, string? cookie) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/notifications"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (cookie is not null)
                {
                    o.Headers["Cookie"] = cookie;
                }
            })
            .Build();
}
