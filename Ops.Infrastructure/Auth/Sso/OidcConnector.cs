using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Ops.Domain.Auth;

namespace Ops.Infrastructure.Auth.Sso;

/// <summary>
/// Generic OpenID Connect: discovery, authorization code with PKCE and nonce, the ID token checked
/// against the issuer's keys (RS256), then userinfo for e-mail and phone.
/// </summary>
internal sealed class OidcConnector(IHttpClientFactory clients, TimeProvider clock) : ISsoConnector
{
    private static readonly ConcurrentDictionary<string, (JsonNode Document, DateTimeOffset Expires)> Discovery = new(StringComparer.Ordinal);

    public SsoKind Kind => SsoKind.Oidc;

    public async Task<string> AuthorizeUrlAsync(SsoProviderSettings provider, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken)
    {
        var metadata = await DiscoverAsync(provider, cancellationToken);
        return SsoHttp.Required(metadata, "authorization_endpoint") + "?" + SsoHttp.Query(
            ("response_type", "code"), ("client_id", provider.ClientId), ("redirect_uri", redirectUri),
            ("scope", string.IsNullOrWhiteSpace(provider.Scopes) ? "openid profile email phone" : provider.Scopes),
            ("state", challenge.State), ("nonce", challenge.Nonce),
            ("code_challenge", Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(challenge.CodeVerifier)))), ("code_challenge_method", "S256"));
    }

    public async Task<SsoIdentity> RedeemAsync(SsoProviderSettings provider, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken)
    {
        if (callback.GetValueOrDefault("error") is { } error)
        {
            throw new SsoException("sso_failed", $"provider error: {error}");
        }

        var code = callback.GetValueOrDefault("code") ?? throw new SsoException("sso_failed", "no code");
        var metadata = await DiscoverAsync(provider, cancellationToken);
        var http = clients.CreateClient(nameof(SsoKind.Oidc));
        using var response = await http.PostAsync(SsoHttp.Required(metadata, "token_endpoint"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["client_id"] = provider.ClientId,
            ["client_secret"] = provider.Secret,
            ["code_verifier"] = challenge.CodeVerifier,
        }), cancellationToken);
        var token = await SsoHttp.ReadAsync(response, cancellationToken);
        var claims = await ValidateIdTokenAsync(SsoHttp.Required(token, "id_token"), metadata, provider, challenge, http, cancellationToken);
        var subject = SsoHttp.Required(claims, "sub");

        var info = claims;
        if (SsoHttp.Optional(metadata, "userinfo_endpoint") is { } userinfo && SsoHttp.Optional(token, "access_token") is { } accessToken)
        {
            info = await SsoHttp.GetAsync(http, userinfo, cancellationToken,
                r => r.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken));
            if (SsoHttp.Optional(info, "sub") != subject)
            {
                throw new SsoException("sso_failed", "userinfo subject differs from the ID token");
            }
        }

        var email = SsoHttp.Optional(info, "email");
        var verified = info["email_verified"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        return new SsoIdentity(subject, SsoHttp.Optional(info, "name"), email, verified, SsoHttp.Optional(info, "phone_number"));
    }

    private async Task<JsonNode> DiscoverAsync(SsoProviderSettings provider, CancellationToken cancellationToken)
    {
        var authority = (provider.Authority ?? throw new SsoException("sso_failed", "no authority")).TrimEnd('/');
        if (Discovery.TryGetValue(authority, out var cached) && cached.Expires > clock.GetUtcNow())
        {
            return cached.Document;
        }

        var document = await SsoHttp.GetAsync(clients.CreateClient(nameof(SsoKind.Oidc)), $"{authority}/.well-known/openid-configuration", cancellationToken);
        Discovery[authority] = (document, clock.GetUtcNow().AddHours(1));
        return document;
    }

    private async Task<JsonNode> ValidateIdTokenAsync(
        string idToken, JsonNode metadata, SsoProviderSettings provider, SsoChallenge challenge, HttpClient http, CancellationToken cancellationToken)
    {
        var parts = idToken.Split('.');
        if (parts.Length != 3)
        {
            throw new SsoException("sso_failed", "malformed ID token");
        }

        var header = JsonNode.Parse(FromBase64Url(parts[0]))!;
        var payload = JsonNode.Parse(FromBase64Url(parts[1]))!;
        if (SsoHttp.Optional(header, "alg") != "RS256")
        {
            throw new SsoException("sso_failed", "ID token must be RS256");
        }

        var keys = await SsoHttp.GetAsync(http, SsoHttp.Required(metadata, "jwks_uri"), cancellationToken);
        var kid = SsoHttp.Optional(header, "kid");
        var key = keys["keys"]?.AsArray().FirstOrDefault(k => kid is null || SsoHttp.Optional(k, "kid") == kid)
            ?? throw new SsoException("sso_failed", "signing key not found");
        using var rsa = RSA.Create(new RSAParameters { Modulus = FromBase64Url(SsoHttp.Required(key, "n")), Exponent = FromBase64Url(SsoHttp.Required(key, "e")) });
        if (!rsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), FromBase64Url(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            throw new SsoException("sso_failed", "ID token signature is invalid");
        }

        var audience = payload["aud"] is JsonArray many ? many.Select(a => a?.ToString()) : [payload["aud"]?.ToString()];
        var expires = DateTimeOffset.FromUnixTimeSeconds(payload["exp"]?.GetValue<long>() ?? 0);
        if (SsoHttp.Optional(payload, "iss") != SsoHttp.Required(metadata, "issuer") || !audience.Contains(provider.ClientId)
            || expires < clock.GetUtcNow().AddMinutes(-2) || SsoHttp.Optional(payload, "nonce") != challenge.Nonce)
        {
            throw new SsoException("sso_failed", "ID token issuer, audience, expiry or nonce is wrong");
        }

        return payload;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
    }
}
