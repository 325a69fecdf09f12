using Ops.Domain.Audit;
using Ops.Infrastructure.Audit;

namespace Ops.Portal.Tests.Support;

/// <summary>An <see cref="ICurrentUser"/> the test sets.</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public Actor Actor { get; set; } = Actor.Anonymous;

    public ValueTask<Actor> GetActorAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Actor);
}

/// <summary>Honours the scope's override (system scopes, scopes created for an actor) like the portal does.</summary>
public sealed class ScopedTestCurrentUser(Ops.Infrastructure.Common.ActorContext context, TestCurrentUser fallback) : ICurrentUser
{
    public ValueTask<Actor> GetActorAsync(CancellationToken cancellationToken = default) =>
        context.Override is { } actor ? ValueTask.FromResult(actor) : fallback.GetActorAsync(cancellationToken);
}

public sealed class TestRequestOrigin : IRequestOriginAccessor
{
    public RequestOrigin? Origin { get; set; } = new("127.0.0.1", "xunit");
}

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
