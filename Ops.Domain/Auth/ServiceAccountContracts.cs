using Ops.Domain.Common;

namespace Ops.Domain.Auth;

public sealed record ServiceAccountRow(
    long Id,
    string Name,
    string? DisplayName,
    IReadOnlyCollection<long> RoleIds,
    IReadOnlyList<string> Roles,
    bool IsActive,
    int ActiveTokens,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset CreatedAt);

/// <summary>A service account: a code-like name, what it is for, and the roles that bound what its tokens may do.</summary>
public sealed record ServiceAccountInput(string Name, string? DisplayName, IReadOnlyCollection<long> RoleIds, long? DepartmentId = null, DataScope? DataScope = null);

/// <summary>
/// Machine identities for integrations (<c>/system/service-accounts</c>). They never sign in; an administrator gives
/// them roles and access tokens. Creating, editing, enabling and deleting one is done as a user is (the caller also needs
/// those user rights, and cannot give more than they hold); listing and tokens need
/// <see cref="SystemPermissions.ServiceAccounts.Manage"/>.
/// </summary>
public interface IServiceAccountService
{
    Task<IReadOnlyList<ServiceAccountRow>> ListAsync(CancellationToken cancellationToken = default);

    Task<Result<long>> CreateAsync(ServiceAccountInput input, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, ServiceAccountInput input, CancellationToken cancellationToken = default);

    Task<Result> SetActiveAsync(long id, bool active, CancellationToken cancellationToken = default);

    Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<IReadOnlyList<AccessTokenRow>>> TokensAsync(long id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> GrantableScopesAsync(long id, CancellationToken cancellationToken = default);

    Task<Result<AccessTokenCreated>> CreateTokenAsync(long id, AccessTokenInput input, CancellationToken cancellationToken = default);

    Task<Result> RevokeTokenAsync(long id, long tokenId, CancellationToken cancellationToken = default);
}
