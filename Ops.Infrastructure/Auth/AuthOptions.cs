namespace Ops.Infrastructure.Auth;

/// <summary>Section <c>Auth</c> of the configuration.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>PBKDF2 iterations (OWASP: 210,000 for HMAC-SHA512).</summary>
    public int PasswordHashIterations { get; set; } = 210_000;
}
