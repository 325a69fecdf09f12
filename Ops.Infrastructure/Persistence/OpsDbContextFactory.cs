using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// The one way services reach the database: creates a provider-specific context per operation and
/// stamps it with the current actor, so audit columns and change logs name who did it.
/// Scoped, because the actor belongs to the circuit or request.
/// </summary>
internal sealed class OpsDbContextFactory<TContext>(IDbContextFactory<TContext> inner, ICurrentUser currentUser)
    : IDbContextFactory<OpsDbContext>
    where TContext : OpsDbContext
{
    public OpsDbContext CreateDbContext()
    {
        // Resolving the actor may await the authentication state, which is already available in
        // circuits and requests; this synchronous path exists for Identity's scoped store only.
        var actor = currentUser.GetActorAsync().AsTask().GetAwaiter().GetResult();
        var context = inner.CreateDbContext();
        ChangeLogRecorder.Forget(context);
        context.Actor = actor;
        return context;
    }

    public async Task<OpsDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var context = await inner.CreateDbContextAsync(cancellationToken);
        ChangeLogRecorder.Forget(context);
        context.Actor = actor;
        return context;
    }
}
