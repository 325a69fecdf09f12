using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;

namespace Ops.Infrastructure.Persistence;

/// <summary>
/// The optimistic-concurrency save that editors share: the version (or Identity concurrency stamp) the editor read is
/// compared with the loaded row and made the save's concurrency check, so a change someone saved in between comes back
/// as <c>common.concurrency_conflict</c> instead of being overwritten. A unique-index refusal maps to the caller's error.
/// </summary>
internal static class VersionedSave
{
    public static Error Conflict(string what) => Error.Conflict("common.concurrency_conflict", what);

    /// <summary>
    /// Saves <paramref name="entity"/> (and whatever else the context tracks) if its token still equals
    /// <paramref name="expected"/>. Call it after applying the change; the loaded value is the one compared.
    /// </summary>
    public static async Task<Result> SaveVersionedAsync<TEntity, TToken>(
        this DbContext db, TEntity entity, Expression<Func<TEntity, TToken>> token, TToken expected, string what,
        CancellationToken cancellationToken, Error? duplicate = null)
        where TEntity : class
    {
        var property = db.Entry(entity).Property(token);
        if (!EqualityComparer<TToken>.Default.Equals(property.OriginalValue, expected))
        {
            return Conflict(what);
        }

        property.OriginalValue = expected;
        return await db.SaveOrConflictAsync(what, cancellationToken, duplicate);
    }

    /// <summary>Saves; a lost concurrency check becomes a conflict about <paramref name="what"/>, a unique-index refusal <paramref name="duplicate"/> (when given).</summary>
    public static async Task<Result> SaveOrConflictAsync(this DbContext db, string what, CancellationToken cancellationToken, Error? duplicate = null)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Result.Success();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Conflict(what);
        }
        catch (DbUpdateException ex) when (duplicate is not null && UniqueViolation.Is(ex))
        {
            return duplicate;
        }
    }
}
