using System.Security.Cryptography;
using System.Text;

namespace Ops.Infrastructure.Auth.Api;

/// <summary>Random bearer secrets and the one-way form they are stored in.</summary>
internal static class ApiTokenHashing
{
    public const int HashLength = 64;

    /// <summary>A new secret: <paramref name="prefix"/> and 32 random bytes in URL-safe base64 (43 characters).</summary>
    public static string NewSecret(string prefix) =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The lower-case hex SHA-256 of the secret: enough for a 256-bit random value, and one index lookup.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
