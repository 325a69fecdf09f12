using Ops.Domain.Auth;

namespace Ops.Infrastructure.Auth.Sso;

/// <summary>Who the provider says signed in.</summary>
public sealed record SsoIdentity(string ProviderUserId, string? Name, string? Email, bool EmailVerified, string? Phone);

/// <summary>The per-attempt secrets that tie the callback to the request that started it.</summary>
public sealed record SsoChallenge(string State, string Nonce, string CodeVerifier);

/// <summary>A provider's configuration with its secret unprotected, for the connectors only.</summary>
public sealed record SsoProviderSettings(SsoKind Kind, string ClientId, string? AgentId, string Secret, string? Authority, string? Scopes);

/// <summary>The provider refused or answered something we cannot use.</summary>
public sealed class SsoException(string reason, string? detail = null) : Exception(detail ?? reason)
{
    public string Reason { get; } = reason;
}

/// <summary>One provider's OAuth 2 / QR-login protocol, as its public documentation describes it.</summary>
public interface ISsoConnector
{
    SsoKind Kind { get; }

    Task<string> AuthorizeUrlAsync(SsoProviderSettings provider, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken);

    Task<SsoIdentity> RedeemAsync(SsoProviderSettings provider, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken);
}
