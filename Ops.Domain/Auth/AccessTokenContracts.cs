using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>A personal or service account's access token as lists show it: never the secret.</summary>
public sealed record AccessTokenRow(
    long Id,
    long UserId,
    string Name,
    string Prefix,
    IReadOnlyList<string> Scopes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? LastUsedAt,
    string? LastUsedIp,
    DateTimeOffset? RevokedAt)
{
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);
}

/// <summary>A new token: a name, the permission codes it may use (a subset of the owner's) and when it expires.</summary>
public sealed record AccessTokenInput(string Name, IReadOnlyCollection<string> Scopes, DateTimeOffset? ExpiresAt);

/// <summary>A created token; <see cref="Token"/> is the secret, shown this once.</summary>
public sealed record AccessTokenCreated(long Id, string Token, AccessTokenRow Row);

/// <summary>
/// Access tokens for machines. A user manages their own (<c>*Mine*</c>); an administrator with
/// the right to manage service accounts manages theirs.
/// </summary>
public interface IAccessTokenService
{
    Task<IReadOnlyList<AccessTokenRow>> ListMineAsync(CancellationToken cancellationToken = default);

    Task<Result<AccessTokenCreated>> CreateMineAsync(AccessTokenInput input, CancellationToken cancellationToken = default);

    Task<Result> RevokeMineAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>The permission codes the caller may put on a token of their own: what they hold now.</summary>
    Task<IReadOnlyList<string>> GrantableScopesAsync(CancellationToken cancellationToken = default);
}
