using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// Queues the deliveries of a final state in the same unit of work as the state itself: one HTTP callback
/// when the definition has one enabled, one hook call when a module registered a hook for the business type.
/// </summary>
internal sealed class ApprovalCallbacks(IEnumerable<IApprovalHook> hooks)
{
    private readonly HashSet<string> _hooked = hooks.Select(h => h.BusinessType).ToHashSet(StringComparer.Ordinal);

    /// <summary>The instance must have its id (saved before, or in the same transaction).</summary>
    public async Task QueueAsync(OpsDbContext db, ApprovalInstance instance, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Serialize(Finished(instance, now), ApprovalJson.Options);
        var url = await db.ApprovalDefinitions.AsNoTracking().Where(d => d.Id == instance.DefinitionId && d.CallbackEnabled)
            .Select(d => d.CallbackUrl).FirstOrDefaultAsync(cancellationToken);
        if (url is not null)
        {
            db.ApprovalCallbacks.Add(new ApprovalCallback(instance.Id, CallbackKind.Http, url, payload, now));
        }

        if (instance.BusinessType is { } type && _hooked.Contains(type))
        {
            db.ApprovalCallbacks.Add(new ApprovalCallback(instance.Id, CallbackKind.Hook, type, payload, now));
        }
    }

    public static ApprovalFinished Finished(ApprovalInstance instance, DateTimeOffset now) =>
        new(instance.Id, instance.DefinitionCode, instance.BusinessType, instance.BusinessId, instance.Status, instance.ApplicantId, instance.FormData, instance.FinishedAt ?? now);
}
