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
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Override = Actor.System;
        return scope;
    }
}
