using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging.Abstractions;
using Ops.Infrastructure.Common;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Common;

/// <summary>Live updates reach components in the culture of the circuit that subscribed, whoever publishes them.</summary>
public sealed class LiveEventsTests
{
    private sealed record Ping(int N);

    private sealed record ForUser(long UserId) : Ops.Domain.Common.IUserEvent;

    [Fact]
    public async Task Callback_RunsInTheSubscribersCulture_NotThePublishers()
    {
        var bus = new InMemoryEventBus(NullLogger<InMemoryEventBus>.Instance);
        var live = new LiveEvents(bus);
        var seen = new List<string>();
        IDisposable global, mine;
        using (new CultureScope("zh-CN"))
        {
            global = live.Subscribe<Ping>(_ => { seen.Add(CultureInfo.CurrentUICulture.Name + "/" + CultureInfo.CurrentCulture.Name); return Task.CompletedTask; });
            mine = live.SubscribeForUser<ForUser>(7, async _ =>
            {
                await Task.Yield();
                seen.Add(CultureInfo.CurrentUICulture.Name);
            });
        }

        using (new CultureScope("en-US"))
        {
            await Task.Run(() => bus.PublishAsync(new Ping(1)));
            await bus.PublishAsync(new ForUser(7));

            // The publisher keeps its own culture.
            Assert.Equal("en-US", CultureInfo.CurrentUICulture.Name);
        }

        global.Dispose();
        mine.Dispose();
        await bus.PublishAsync(new Ping(2));
        Assert.Equal(["zh-CN/zh-CN", "zh-CN"], seen);
    }

    [Fact]
    public void NoComponent_SubscribesToTheBusDirectly()
    {
        var offenders = typeof(LiveEvents).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null && p.PropertyType == typeof(IEventBus))
                .Select(p => $"{t.Name}.{p.Name}"))
            .ToList();
        Assert.True(offenders.Count == 0, "Inject LiveEvents instead of IEventBus: " + string.Join(", ", offenders));
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
