using System.Globalization;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ops.Infrastructure.Auth.Api;

/// <summary>
/// The claims an API access token carries: the user, the session (refresh family) it belongs to, and the step the
/// account must take first (<see cref="AccountSteps"/>), as the sign-in page would send the user there.
/// </summary>
public sealed record AccessTokenClaims(long UserId, string UserName, string SessionId, string? PendingStep = null);

/// <summary>What a signed-in account must do before anything else.</summary>
public static class AccountSteps
{
    public const string ClaimType = "ops:step";
    public const string ChangePassword = "change_password";
    public const string EnrolMfa = "enrol_mfa";
}

/// <summary>Signs and checks the API's short-lived JWT access tokens (HS256, issuer <c>ops</c>, audience <c>ops-api</c>).</summary>
internal sealed class ApiTokenIssuer(ApiSigningKey signingKey, ApiOptions options, TimeProvider clock)
{
    public const string Issuer = "ops";
    public const string Audience = "ops-api";
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false, SetDefaultTimesOnTokenCreation = false };

    public async Task<(string Token, DateTimeOffset ExpiresAt)> IssueAsync(AccessTokenClaims claims, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = ClaimsOf(claims),
            SigningCredentials = new SigningCredentials(await signingKey.GetAsync(cancellationToken), SecurityAlgorithms.HmacSha256),
        });
        return (token, expires);
    }

    private static Dictionary<string, object> ClaimsOf(AccessTokenClaims claims)
    {
        var values = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = claims.UserId.ToString(CultureInfo.InvariantCulture),
            [JwtRegisteredClaimNames.Name] = claims.UserName,
            [JwtRegisteredClaimNames.Sid] = claims.SessionId,
            [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
        };
        if (claims.PendingStep is { } step)
        {
            values[AccountSteps.ClaimType] = step;
        }

        return values;
    }

    /// <summary>The claims of a token that is well signed, ours and not expired by the application clock; otherwise null.</summary>
    public async Task<AccessTokenClaims?> ValidateAsync(string token, CancellationToken cancellationToken = default)
    {
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = await signingKey.GetAsync(cancellationToken),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            LifetimeValidator = (notBefore, expires, _, _) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } e && e > now - ClockSkew && (notBefore is not { } nb || nb <= now + ClockSkew);
            },
        });
        if (!result.IsValid
            || !long.TryParse(Claim(result, JwtRegisteredClaimNames.Sub), NumberStyles.Integer, CultureInfo.InvariantCulture, out var userId)
            || Claim(result, JwtRegisteredClaimNames.Sid) is not { } sessionId)
        {
            return null;
        }

        return new AccessTokenClaims(userId, Claim(result, JwtRegisteredClaimNames.Name) ?? "", sessionId,
            Claim(result, AccountSteps.ClaimType));
    }

    private static string? Claim(TokenValidationResult result, string name) =>
        result.Claims.TryGetValue(name, out var value) ? value as string : null;
}
