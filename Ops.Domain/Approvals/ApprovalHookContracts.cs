using System.Text.Json;

namespace Ops.Domain.Approvals;

/// <summary>What a module's in-process hook receives when an application of its business type ends.</summary>
public sealed record ApprovalFinished(
    long InstanceId, string DefinitionCode, string? BusinessType, string? BusinessId, ApprovalStatus Status, long ApplicantId,
    IReadOnlyDictionary<string, JsonElement> FormData, DateTimeOffset FinishedAt);

/// <summary>
/// A module's reaction to the final state of its applications (the config center publishes an approved
/// change). Registered in DI; called through the durable outbox at least once per final state, so it must
/// be idempotent (key on <see cref="ApprovalFinished.InstanceId"/>). Throwing makes the outbox retry.
/// </summary>
public interface IApprovalHook
{
    string BusinessType { get; }

    Task OnFinishedAsync(ApprovalFinished finished, CancellationToken cancellationToken);
}
