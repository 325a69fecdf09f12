using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Common.Outbox;

internal static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// An outbox for <typeparamref name="TRow"/>: its dispatcher runs in the background with <paramref name="settings"/> and hands
    /// each due row to <typeparamref name="TDelivery"/> (scoped). Rows are enqueued by adding them to the context in the same
    /// unit of work as the change they follow; the commit wakes the dispatcher.
    /// </summary>
    public static IServiceCollection AddOutbox<TRow, TStatus, TDelivery>(this IServiceCollection services, OutboxSettings settings)
        where TRow : class, IOutboxRow<TStatus>
        where TStatus : struct, Enum
        where TDelivery : class, IOutboxDelivery<TRow>
    {
        services.TryAddSingleton<OutboxSignals>();
        services.AddScoped<IOutboxDelivery<TRow>, TDelivery>();
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<OutboxDispatcher<TRow, TStatus>>(sp, settings));
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher<TRow, TStatus>>());
        return services;
    }
}
