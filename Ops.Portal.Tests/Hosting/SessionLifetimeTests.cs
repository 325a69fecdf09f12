using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Ops.Portal.Tests.Support;

namespace Ops.Portal.Tests.Hosting;

/// <summary>The sign-in cookie: 30 minutes idle (sliding), 12 hours at most.</summary>
public sealed class SessionLifetimeTests
{
    private static readonly WebApplicationFactoryClientOptions NoRedirects = new() { AllowAutoRedirect = false, HandleCookies = true };

    [Fact]
    public async Task ThirtyIdleMinutes_EndTheSession_ActivityKeepsItAlive()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        var client = factory.CreateClient(NoRedirects);
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/Account/Login", expired.RedirectPath(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwelveHours_EndTheSession_EvenWhenActive()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        var client = factory.CreateClient(NoRedirects);
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);

        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(12))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        var expired = await client.GetAsync("/dashboard");

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/Account/Login", expired.RedirectPath(), StringComparison.Ordinal);
    }
}
