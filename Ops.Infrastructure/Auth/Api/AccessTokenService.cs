using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth.Api;

/// <summary>A token that authenticated a call: its owner and the codes it may use.</summary>
internal sealed record AccessTokenIdentity(long TokenId, long UserId, string UserName, IReadOnlySet<string> Scopes);

/// <summary>
/// Personal access tokens: made by their owner with a subset of the owner's permission codes and an expiry, shown
/// once, stored as a hash, revocable, with last use recorded. Each call re-checks the owner (active, still holding the
/// code) through the permission guard, so a token never does more than its owner can at that moment.
/// </summary>
internal sealed class AccessTokenService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    ICurrentUser currentUser,
    IUserAccessStore access,
    ApiOptions options,
    TimeProvider clock) : IAccessTokenService
{
    /// <summary>Last use is written at most this often per token.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<AccessTokenRow>> ListMineAsync(CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        return await ListAsync(userId, cancellationToken);
    }

    public async Task<IReadOnlyList<string>> GrantableScopesAsync(CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        return await GrantableAsync(userId, cancellationToken);
    }

    public async Task<Result<AccessTokenCreated>> CreateMineAsync(AccessTokenInput input, CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        return await CreateAsync(userId, input, userId, cancellationToken);
    }

    public async Task<Result> RevokeMineAsync(long id, CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        return await RevokeAsync(userId, id, cancellationToken);
    }

    internal async Task<IReadOnlyList<AccessTokenRow>> ListAsync(long ownerId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == ownerId).ToListAsync(cancellationToken);
        return tokens.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Select(ToRow).ToList();
    }

    internal async Task<Result<AccessTokenCreated>> CreateAsync(long ownerId, AccessTokenInput input, long createdBy, CancellationToken cancellationToken)
    {
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            return Error.Invalid("common.required", "field.name").On("field.name");
        }

        if (name.Length > ApiToken.NameMaxLength)
        {
            return Error.Invalid("common.too_long", "field.name", ApiToken.NameMaxLength).On("field.name");
        }

        var scopes = (input.Scopes ?? []).Select(s => (s ?? "").Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (scopes.Count == 0)
        {
            return Error.Invalid("api_token.scopes_required").On("field.scopes");
        }

        var grantable = (await GrantableAsync(ownerId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (scopes.FirstOrDefault(s => !grantable.Contains(s)) is { } beyond)
        {
            return Error.Invalid("api_token.scope_not_held", beyond).On("field.scopes");
        }

        if (string.Join(' ', scopes).Length > ApiToken.ScopesMaxLength)
        {
            return Error.Invalid("api_token.too_many_scopes").On("field.scopes");
        }

        var now = clock.GetUtcNow();
        if (input.ExpiresAt is not { } expires || expires <= now || expires > now + options.MaxAccessTokenLifetime)
        {
            return Error.Invalid("api_token.expiry_range", (int)options.MaxAccessTokenLifetime.TotalDays).On("field.expires_at");
        }

        var secret = ApiTokenHashing.NewSecret(ApiToken.SecretPrefix);
        var token = new ApiToken(ownerId, name, ApiTokenHashing.Hash(secret), secret[..ApiToken.PrefixLength], scopes, now, expires, createdBy);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken);
        return new AccessTokenCreated(token.Id, secret, ToRow(token));
    }

    internal async Task<Result> RevokeAsync(long ownerId, long id, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var token = await db.ApiTokens.SingleOrDefaultAsync(t => t.Id == id && t.UserId == ownerId, cancellationToken);
        if (token is null)
        {
            return Error.NotFound("api_token.not_found");
        }

        token.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    /// <summary>The token behind <paramref name="secret"/> when it is live and its owner active; records the use.</summary>
    internal async Task<AccessTokenIdentity?> AuthenticateAsync(string secret, string? ipAddress, CancellationToken cancellationToken = default)
    {
        if (!secret.StartsWith(ApiToken.SecretPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var hash = ApiTokenHashing.Hash(secret);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, u.UserName })
            .SingleOrDefaultAsync(cancellationToken);
        var now = clock.GetUtcNow();
        if (found is null || !found.Token.IsUsableAt(now) || !(await access.GetAsync(found.Token.UserId, cancellationToken)).IsActive)
        {
            return null;
        }

        if (found.Token.LastUsedAt is not { } last || now - last >= TouchInterval || found.Token.LastUsedIp != ipAddress)
        {
            await db.ApiTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now).SetProperty(t => t.LastUsedIp, ipAddress), cancellationToken);
        }

        return new AccessTokenIdentity(found.Token.Id, found.Token.UserId, found.UserName ?? "", found.Token.ScopeList.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>
    /// What the owner holds now; a caller who is itself using an access token can pass on no more than that token
    /// carries, so a token never mints a wider one.
    /// </summary>
    internal async Task<List<string>> GrantableAsync(long ownerId, CancellationToken cancellationToken)
    {
        var held = Grantable(await access.GetAsync(ownerId, cancellationToken));
        var actor = await currentUser.GetActorAsync(cancellationToken);
        return actor.Scopes is { } scopes ? held.Where(scopes.Contains).ToList() : held;
    }

    private static List<string> Grantable(UserAccess owner) => !owner.IsActive ? []
        : owner.IsSuperuser ? PermissionCatalog.All.Select(p => p.Code).ToList()
        : PermissionCatalog.All.Select(p => p.Code).Where(owner.Permissions.Contains).ToList();

    private static AccessTokenRow ToRow(ApiToken t) =>
        new(t.Id, t.UserId, t.Name, t.Prefix, t.ScopeList, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.LastUsedIp, t.RevokedAt);
}
