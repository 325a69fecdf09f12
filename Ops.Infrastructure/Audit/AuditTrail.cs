using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Ops.Domain.Audit;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Audit;

/// <summary>Supplies the origin (IP, user agent) of the current request or circuit, when known.</summary>
public interface IRequestOriginAccessor
{
    RequestOrigin? Origin { get; }
}

internal sealed class AuditTrail(
    IDbContextFactory<OpsDbContext> factory,
    ICurrentUser currentUser,
    IRequestOriginAccessor originAccessor,
    TimeProvider clock,
    ILogger<AuditTrail> logger) : IAuditTrail
{
    public async Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        var log = new AuditLog(clock.GetUtcNow(), actor, entry, originAccessor.Origin, Activity.Current?.TraceId.ToString());
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.AuditLogs.Add(log);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // An audit write must never turn a finished operation into a failure the user sees.
            logger.LogError(ex, "Audit record lost: {Module}.{Action} on {ResourceType} {ResourceId}", entry.Module, entry.Action, entry.ResourceType, entry.ResourceId);
        }
    }
}
