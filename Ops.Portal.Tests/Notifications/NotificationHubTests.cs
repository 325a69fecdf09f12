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

        await using (var scope = factory.Services.CreateSystemScope())
        {
            var notifications = scope.ServiceProvider.GetRequiredService<INotificationService>();
            await notifications.SendAsync(new InAppMessage(NotificationType.System, NotificationLevel.Info, "别人的", "not for admin"), [adminId + 1_000], default);
            await notifications.SendAsync(new InAppMessage(NotificationType.Alert, NotificationLevel.Warning, "磁盘告警", "/data 95%"), [adminId], default);
        }

        var view = await received.Task.WaitAsync(TimeSpan.FromSeconds(5));
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
