using System.Globalization;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Portal.Common;

/// <summary>
/// The event bus as components see it: every callback runs in the culture of the circuit that subscribed.
/// </summary>
/// <remarks>
/// Culture flows with the async context. An event is published on the publisher's flow (a Quartz
/// worker, another user's circuit) and <c>ComponentBase.InvokeAsync</c> runs the callback, and the
/// render it causes, on that flow: without this, a run page re-rendered by its live update showed
/// "Run #1 / Trigger / Started" in the Chinese UI until reload. Components inject this, never
/// <see cref="IEventBus"/> (a test holds them to it).
/// </remarks>
public sealed class LiveEvents(IEventBus bus)
{
    public IDisposable Subscribe<TEvent>(Func<TEvent, Task> handler) where TEvent : notnull =>
        bus.Subscribe(InSubscribersCulture(handler));

    public IDisposable SubscribeForUser<TEvent>(long userId, Func<TEvent, Task> handler) where TEvent : IUserEvent =>
        bus.SubscribeForUser(userId, InSubscribersCulture(handler));

    /// <summary>Captures the culture now (on the subscriber's flow) and restores it around each call.</summary>
    public static Func<TEvent, Task> InSubscribersCulture<TEvent>(Func<TEvent, Task> handler)
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        return message => RunAsync(handler, message, culture, uiCulture);
    }

    // An async method: the culture set here flows into the handler and what it posts to the
    // renderer, and is undone for the publisher when this method returns.
    private static async Task RunAsync<TEvent>(Func<TEvent, Task> handler, TEvent message, CultureInfo culture, CultureInfo uiCulture)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        await handler(message);
    }
}
