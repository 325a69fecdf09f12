namespace Ops.Portal.Api;

/// <summary>
/// What an endpoint of <c>/api/v1</c> demands, as metadata: a permission code (<see cref="Permission"/>), any caller
/// with a valid token (null), or nobody (<see cref="Anonymous"/>, sign-in itself). Every API endpoint declares one;
/// the suite reads them from the endpoint data source and tries each with no token, without the permission and with it.
/// </summary>
public sealed record ApiAccess(string? Permission, bool Anonymous = false)
{
    /// <summary>Callable while the account must first change its password or enrol an authenticator.</summary>
    public bool DuringAccountStep { get; init; }
}

internal static class ApiAccessExtensions
{
    /// <summary>The caller must hold <paramref name="permission"/> (and the token must carry it); checked before the handler runs.</summary>
    public static RouteHandlerBuilder Demands(this RouteHandlerBuilder builder, string permission) =>
        builder.WithMetadata(new ApiAccess(permission));

    /// <summary>Any caller with a valid token: the handler acts on the caller's own things.</summary>
    public static RouteHandlerBuilder ForAnyUser(this RouteHandlerBuilder builder, bool duringAccountStep = false) =>
        builder.WithMetadata(new ApiAccess(null) { DuringAccountStep = duringAccountStep });

    public static RouteHandlerBuilder ForAnyone(this RouteHandlerBuilder builder) =>
        builder.AllowAnonymous().WithMetadata(new ApiAccess(null, Anonymous: true));
}
