namespace Ops.Infrastructure.Auth.Api;

/// <summary>
/// A personal access token (or a service account's): a long-lived bearer secret for machines, shown once and kept as
/// its SHA-256. It carries a subset of its owner's permission codes, and each call is checked against both: the token's
/// scopes and what the owner holds at that moment.
/// </summary>
public sealed class ApiToken
{
    public const int NameMaxLength = 100;
    public const int ScopesMaxLength = 4000;
    public const int PrefixLength = 12;
    public const string SecretPrefix = "ops_pat_";

    private ApiToken()
    {
    }

    public ApiToken(long userId, string name, string tokenHash, string prefix, IEnumerable<string> scopes, DateTimeOffset now, DateTimeOffset? expiresAt, long? createdBy)
    {
        UserId = userId;
        Name = name;
        TokenHash = tokenHash;
        Prefix = prefix;
        Scopes = string.Join(' ', scopes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        CreatedAt = now;
        ExpiresAt = expiresAt;
        CreatedBy = createdBy;
    }

    public long Id { get; private set; }

    public long UserId { get; private set; }

    public string Name { get; private set; } = "";

    public string TokenHash { get; private set; } = "";

    /// <summary>The secret's first characters, shown so that a user can tell tokens apart.</summary>
    public string Prefix { get; private set; } = "";

    /// <summary>Permission codes, space-separated.</summary>
    public string Scopes { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public long? CreatedBy { get; private set; }

    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public string? LastUsedIp { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public IReadOnlyList<string> ScopeList => Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is not { } expires || expires > now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
