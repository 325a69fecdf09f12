namespace Ops.Infrastructure.Auth;

/// <summary>
/// What a user may do changed (roles, grants, active flag). <see cref="UserIds"/> empty means
/// "possibly everyone" (a role's grants changed). Circuits re-check menus and calls.
/// </summary>
public sealed record AccessChanged(IReadOnlyCollection<long> UserIds)
{
    public static readonly AccessChanged Everyone = new([]);

    public bool Concerns(long userId) => UserIds.Count == 0 || UserIds.Contains(userId);
}

/// <summary>Sessions of these users were revoked (disabled, signed out elsewhere): their circuits end.</summary>
public sealed record SessionsRevoked(long UserId, IReadOnlyCollection<string> SessionIds);
