using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// The one way an action reaches the database: load the instance with its tasks (and copies), load the
/// organisation data, run the engine, queue the callbacks of a final state, and save it all in one
/// transaction, with the action's notices. The instance row's version is the optimistic lock: of two
/// simultaneous actions on one application exactly one saves; the other gets "already handled" and nothing
/// of it is written. After the save the live inbox updates go out.
/// </summary>
internal sealed class ApprovalStore(
    IDbContextFactory<OpsDbContext> factory, ApprovalDelegationCache delegations, ApprovalCallbacks callbacks, ApprovalEffects effects, TimeProvider clock)
{
    /// <summary>What an action does to a loaded instance, given the actor's clock and context.</summary>
    public delegate Result<ApprovalOutcome> Action(ApprovalInstance instance, DateTimeOffset now, ApprovalContext context);

    /// <summary>How often an action that lost a race is run again on the fresh state before it gives up.</summary>
    public const int Attempts = 4;

    /// <summary>
    /// Runs the action; when a simultaneous action saved first, runs it again on the fresh state, where the
    /// engine itself decides: the same task is "already handled", another task of a countersign still counts.
    /// </summary>
    /// <param name="changes">Form values the action brings (a resubmission, an approver's edits): users they name are looked up too.</param>
    public async Task<Result<ApprovalOutcome>> ActAsync(
        long instanceId, Func<ApprovalInstance, bool>? visible, Action act, long? actorId, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? changes = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (result, lost) = await TryActAsync(instanceId, visible, act, actorId, changes, cancellationToken);
            if (!lost)
            {
                return result!;
            }

            if (attempt == Attempts)
            {
                return Error.Conflict(ApprovalErrors.AlreadyHandled, 0);
            }
        }
    }

    private async Task<(Result<ApprovalOutcome>? Result, bool Lost)> TryActAsync(
        long instanceId, Func<ApprovalInstance, bool>? visible, Action act, long? actorId,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement>? changes, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);

        // One connection for the whole unit of work: EF would otherwise open (and reset) one per query.
        await db.Database.OpenConnectionAsync(cancellationToken);
        var instance = await LoadAsync(db, instanceId, cancellationToken);
        if (instance is null || visible?.Invoke(instance) == false)
        {
            return (Error.NotFound(ApprovalErrors.InstanceNotFound, instanceId), false);
        }

        var now = clock.GetUtcNow();
        var data = changes is null ? instance.FormData : instance.FormData.Concat(changes).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        var context = await ApprovalOrganization.LoadAsync(db, delegations, instance.Process, instance.Form, data, instance.ApplicantId, now, cancellationToken);
        var result = act(instance, now, context);
        if (result.IsFailure)
        {
            return (result, false);
        }

        ApprovalEffects.QueueNotices(db, instance, result.Value, now);
        await ApprovalFileReferences.TrackAsync(db, instance, cancellationToken);
        if (result.Value.IsFinal)
        {
            await callbacks.QueueAsync(db, instance, now, cancellationToken);
        }

        try
        {
            await db.SaveInOneTransactionAsync(cancellationToken);
        }
        catch (Exception ex) when (LostRace(ex))
        {
            return (null, true);
        }

        await effects.PublishAsync(instance, result.Value, actorId);
        return (result, false);
    }

    /// <summary>
    /// A simultaneous action saved first: the instance's version moved (optimistic concurrency), a rival inserted
    /// the same task or record number, or MariaDB chose this transaction as a deadlock victim. Nothing was written.
    /// </summary>
    private static bool LostRace(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException update when UniqueViolation.Is(update) => true,
        _ => Deadlock.Is(ex),
    };

    /// <summary>Saves a new instance (draft or submitted) with the same effects as an action.</summary>
    public async Task<Result<long>> CreateAsync(
        Func<DateTimeOffset, ApprovalContext, ApprovalDefinition, Result<(ApprovalInstance Instance, ApprovalOutcome? Outcome)>> create, string code, long applicantId,
        IReadOnlyDictionary<string, System.Text.Json.JsonElement> data, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var definition = (await db.ApprovalDefinitions.Where(d => d.Code == code).WithLatestVersionAsync(db, cancellationToken)).SingleOrDefault();
        if (definition is null)
        {
            return Error.NotFound(ApprovalErrors.DefinitionNotFound, code);
        }

        var now = clock.GetUtcNow();
        var context = await ApprovalOrganization.LoadAsync(
            db, delegations, definition.LatestVersion?.Process ?? ApprovalProcess.Empty, definition.LatestVersion?.Form ?? ApprovalForm.Empty, data, applicantId, now, cancellationToken);
        var created = create(now, context, definition);
        if (created.IsFailure)
        {
            return created.Error!;
        }

        var (instance, outcome) = created.Value;
        db.ApprovalInstances.Add(instance);
        if (outcome is not null)
        {
            ApprovalEffects.QueueNotices(db, instance, outcome, now);
        }

        await ApprovalFileReferences.TrackAsync(db, instance, cancellationToken);

        // A process that ends at once (no approver on the route) reports its final state: the callbacks need
        // the new id, so both saves share one transaction.
        await using var transaction = outcome is { IsFinal: true } ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveInOneTransactionAsync(cancellationToken);
        if (transaction is not null)
        {
            await callbacks.QueueAsync(db, instance, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (outcome is not null)
        {
            await effects.PublishAsync(instance, outcome, applicantId);
        }

        return instance.Id;
    }

    /// <summary>
    /// The instance and its tasks in one query: all an action needs. The history is not loaded (the instance
    /// counts its records), and copies exist only where the process has a CC node.
    /// </summary>
    private static async Task<ApprovalInstance?> LoadAsync(OpsDbContext db, long instanceId, CancellationToken cancellationToken)
    {
        var instance = await db.ApprovalInstances.Where(i => i.Id == instanceId).Include(i => i.Tasks).AsSingleQuery()
            .SingleOrDefaultFlatAsync(cancellationToken);
        if (instance is not null && instance.Process.Nodes.Any(n => n is CcNode))
        {
            await db.Entry(instance).Collection(i => i.Ccs).LoadAsync(cancellationToken);
        }

        return instance;
    }
}
