namespace Ops.Portal.Api;

/// <summary>
/// What an endpoint of <c>/api/v1</c> demands, as metadata: one of some permission codes (<see cref="AnyOf"/>, as the
/// service behind it demands), any caller with a valid token (empty), or nobody (<see cref="Anonymous"/>, sign-in itself). Every API endpoint declares one;
/// the suite reads them from the endpoint data source and tries each with no token, without the permission and with it.
/// </summary>
public sealed record ApiAccess(IReadOnlyList<string> AnyOf, bool Anonymous = false)
{
    public static ApiAccess AnyUser { get; } = new([]);

    /// <summary>Callable while the account must first change its password or enrol an authenticator.</summary>
    public bool DuringAccountStep { get; init; }
}

internal static class ApiAccessExtensions
{
    /// <summary>The caller must hold one of <paramref name="permissions"/> (and the token carry it); checked before the handler runs.</summary>
    public static RouteHandlerBuilder Demands(this RouteHandlerBuilder builder, params string[] permissions) =>
        builder.WithMetadata(new ApiAccess(permissions));

    /// <summary>Any caller with a valid token: the handler acts on the caller's own things.</summary>
    public static RouteHandlerBuilder ForAnyUser(this RouteHandlerBuilder builder, bool duringAccountStep = false) =>
        builder.WithMetadata(ApiAccess.AnyUser with { DuringAccountStep = duringAccountStep });

    public static RouteHandlerBuilder ForAnyone(this RouteHandlerBuilder builder) =>
        builder.AllowAnonymous().WithMetadata(new ApiAccess([], Anonymous: true));
}
