using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// A password check for names that have no account, at the cost of a real one: the same hasher and iterations
/// verify a throw-away hash, so the time a sign-in takes does not tell whether the name exists.
/// </summary>
public sealed class UnknownUserPassword(IServiceProvider services)
{
    private readonly Lazy<(IPasswordHasher<OpsUser> Hasher, string Hash)> _reference = new(() =>
    {
        // The hasher is stateless apart from its options: one instance serves every request.
        using var scope = services.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<OpsUser>>();
        return (hasher, hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N")));
    });

    private static readonly OpsUser Nobody = new();

    public void Verify(string password) =>
        _reference.Value.Hasher.VerifyHashedPassword(Nobody, _reference.Value.Hash, password);
}
