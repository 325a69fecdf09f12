namespace Ops.Infrastructure.Auth.Api;

/// <summary>Section <c>Api</c> of the configuration: token lifetimes and rate limits of <c>/api/v1</c>.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>How long a JWT access token from <c>auth/login</c> or <c>auth/refresh</c> is good for.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Requests one token (or signed-in user) may make per minute.</summary>
    public int RequestsPerTokenPerMinute { get; set; } = 1200;

    /// <summary>Requests one client address may make per minute, whatever token it uses.</summary>
    public int RequestsPerAddressPerMinute { get; set; } = 2400;

    /// <summary><c>auth/login</c> and <c>auth/refresh</c> calls one client address may make per minute.</summary>
    public int SignInsPerAddressPerMinute { get; set; } = 20;

    /// <summary>Longest lifetime a personal access token may be given.</summary>
    public TimeSpan MaxAccessTokenLifetime { get; set; } = TimeSpan.FromDays(366);
}
