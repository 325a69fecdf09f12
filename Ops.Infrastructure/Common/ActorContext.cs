using Microsoft.Extensions.DependencyInjection;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Common;

/// <summary>
/// Per-scope override of the acting identity. Background work, start-up and CLI verbs run in a
/// scope created by <see cref="ActorScopes.CreateSystemScope"/>, where the actor is the system.
/// </summary>
public sealed class ActorContext
{
    public Actor? Override { get; set; }
}

public static class ActorScopes
{
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services) =>
        services.GetRequiredService<IServiceScopeFactory>().CreateSystemScope();

    public static AsyncServiceScope CreateSystemScope(this IServiceScopeFactory factory)
    {
        var scope = factory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Override = Actor.System;
        return scope;
    }

    /// <summary>
    /// A short-lived scope acting as <paramref name="actor"/>: for Identity's scoped managers, which
    /// must not live as long as a circuit.
    /// </summary>
    public static AsyncServiceScope CreateScopeAs(this IServiceProvider services, Actor actor)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Override = actor;
        return scope;
    }
}
