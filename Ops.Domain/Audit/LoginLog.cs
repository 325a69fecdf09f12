using Ops.Domain.Common;

namespace Ops.Domain.Audit;

public enum LoginType
{
    Password,
    Mfa,
    Sso,
}

public enum LoginResult
{
    Success,
    Failed,
}

/// <summary>One sign-in attempt, successful or not (table <c>t_login_log</c>).</summary>
public sealed class LoginLog : Entity
{
    public const int UserNameMaxLength = 256;
    public const int ReasonMaxLength = 64;

    private LoginLog()
    {
    }

    public LoginLog(DateTimeOffset time, long? userId, string userName, LoginType type, LoginResult result, string? failureReason, RequestOrigin? origin)
    {
        var agent = UserAgentInfo.Parse(origin?.UserAgent);
        Time = time;
        UserId = userId;
        UserName = userName.Length <= UserNameMaxLength ? userName : userName[..UserNameMaxLength];
        Type = type;
        Result = result;
        FailureReason = failureReason;
        IpAddress = origin?.IpAddress;
        UserAgent = origin?.UserAgent is { Length: > 512 } ua ? ua[..512] : origin?.UserAgent;
        Browser = agent.Browser;
        OperatingSystem = agent.OperatingSystem;
        Device = agent.Device;
    }

    public DateTimeOffset Time { get; private set; }

    public long? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public LoginType Type { get; private set; }

    public LoginResult Result { get; private set; }

    /// <summary>A stable code: invalid_credentials, locked_out, disabled, mfa_failed, sso_unknown_user, ...</summary>
    public string? FailureReason { get; private set; }

    public string? IpAddress { get; private set; }

    public string? UserAgent { get; private set; }

    public string Browser { get; private set; } = "";

    public string OperatingSystem { get; private set; } = "";

    public string Device { get; private set; } = "";
}
