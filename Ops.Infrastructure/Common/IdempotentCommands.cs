using Microsoft.EntityFrameworkCore;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Common;

/// <summary>
/// Runs a creating command once per key: a form generates the key when it opens and sends it with every try, so a
/// double click, a retry after a lost connection or a second node handling the same request returns the first
/// result instead of a second record. The claim is a row with a unique (operation, key) index; keys expire after a day.
/// Services call it after their own permission check.
/// </summary>
internal sealed class IdempotentCommands(IDbContextFactory<OpsDbContext> dbFactory, TimeProvider time)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    private static readonly TimeSpan WaitForOther = TimeSpan.FromSeconds(15);

    // Calls with one key on one node queue here (striped, so the set never grows); other nodes meet at the unique index.
    private static readonly SemaphoreSlim[] Stripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public async Task<Result<long>> RunOnceAsync(
        string operation, string? key, long? userId, Func<Task<Result<long>>> command, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return await command();
        }

        if (key.Length > IdempotencyKey.KeyMaxLength)
        {
            return Error.Invalid("common.idempotency_key_invalid");
        }

        var stripe = Stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(operation + "\n" + key) % Stripes.Length)];
        await stripe.WaitAsync(cancellationToken);
        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var (claim, earlier) = await ClaimAsync(operation, key, userId, cancellationToken);
                if (claim is not null)
                {
                    return await RunClaimedAsync(claim.Value, command, cancellationToken);
                }

                if (earlier is { } found)
                {
                    // A key is the form's, so of its user: someone else's key is refused, never answered with their id.
                    return found.UserId == userId && found.ResultId is { } id ? id : Error.Conflict("common.idempotency_key_invalid");
                }

                // Another node holds the claim and is still running the command (or it failed and the row is gone).
                if (waited.Elapsed > WaitForOther)
                {
                    return Error.Conflict("common.duplicate_in_progress");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
        finally
        {
            stripe.Release();
        }
    }

    /// <summary>Inserts the claim; or returns the finished earlier call; or neither while another node runs it.</summary>
    private async Task<(long? Claim, IdempotencyKey? Earlier)> ClaimAsync(string operation, string key, long? userId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var cutoff = now - Lifetime;
        await db.Set<IdempotencyKey>().Where(k => k.CreatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);

        var existing = await db.Set<IdempotencyKey>().AsNoTracking().FirstOrDefaultAsync(k => k.Operation == operation && k.Key == key, cancellationToken);
        if (existing is not null)
        {
            return (null, existing.ResultId is null && existing.UserId == userId ? null : existing);
        }

        var claim = new IdempotencyKey(operation, key, userId, now);
        db.Add(claim);
        return await UniqueViolation.TrySaveAsync(db, cancellationToken) ? (claim.Id, null) : (null, null);
    }

    private async Task<Result<long>> RunClaimedAsync(long claimId, Func<Task<Result<long>>> command, CancellationToken cancellationToken)
    {
        Result<long> result;
        try
        {
            result = await command();
        }
        catch
        {
            await ReleaseAsync(claimId, null);
            throw;
        }

        await ReleaseAsync(claimId, result.IsSuccess ? result.Value : null);
        return result;
    }

    /// <summary>Records the result, or removes the claim of a failed command so that a retry runs it again.</summary>
    private async Task ReleaseAsync(long claimId, long? resultId)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var claims = db.Set<IdempotencyKey>().Where(k => k.Id == claimId);
        if (resultId is { } id)
        {
            await claims.ExecuteUpdateAsync(s => s.SetProperty(k => k.ResultId, id), CancellationToken.None);
        }
        else
        {
            await claims.ExecuteDeleteAsync(CancellationToken.None);
        }
    }
}
