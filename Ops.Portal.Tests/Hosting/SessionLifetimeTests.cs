using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

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
        var client = await SignedInClientAsync(factory);

        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        clock.Advance(TimeSpan.FromMinutes(25));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("/dashboard");

        AssertSentToSignIn(expired);
    }

    [Fact]
    public async Task TwelveHours_EndTheSession_EvenWhenActive()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var factory = new OpsWebFactory(clock: clock);
        var client = await SignedInClientAsync(factory);

        var elapsed = TimeSpan.Zero;
        while (elapsed + TimeSpan.FromMinutes(20) < TimeSpan.FromHours(12))
        {
            clock.Advance(TimeSpan.FromMinutes(20));
            elapsed += TimeSpan.FromMinutes(20);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        }

        clock.Advance(TimeSpan.FromMinutes(20));
        var expired = await client.GetAsync("/dashboard");

        AssertSentToSignIn(expired);
    }

    private static async Task<HttpClient> SignedInClientAsync(OpsWebFactory factory)
    {
        var client = factory.CreateClient(NoRedirects);
        await client.LoginAsync("admin", OpsWebFactory.DefaultAdminPassword);
        return client;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.RedirectPath(), StringComparison.Ordinal);
    }
}
