namespace Ops.Infrastructure.Auth;

/// <summary>Section <c>Auth</c> of the configuration.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public int MaxFailedAccessAttempts { get; set; } = 5;

    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in and two-factor attempts one client address may make per minute (per kind).</summary>
    public int AttemptsPerAddressPerMinute { get; set; } = 10;

    /// <summary>Sign-in and two-factor attempts for one account per minute, from all addresses together.</summary>
    public int AttemptsPerAccountPerMinute { get; set; } = 10;

    /// <summary>Self-registrations one client address may submit per hour.</summary>
    public int RegistrationsPerAddressPerHour { get; set; } = 5;

    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>PBKDF2 iterations (OWASP: 210,000 for HMAC-SHA512).</summary>
    public int PasswordHashIterations { get; set; } = 210_000;
}
