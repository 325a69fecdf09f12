using Ops.Domain.Common;

namespace Ops.Domain.Audit;

public sealed record LoginLogFilter
{
    public string? UserName { get; init; }

    public LoginResult? Result { get; init; }

    public LoginType? Type { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}

public sealed record LoginLogRow(
    long Id, DateTimeOffset Time, long? UserId, string UserName, LoginType Type, LoginResult Result, string? FailureReason,
    string? IpAddress, string Browser, string OperatingSystem, string Device);

/// <summary>The sign-in history (seed t_login_log).</summary>
public interface ILoginLogService
{
    Task<PagedResult<LoginLogRow>> QueryAsync(LoginLogFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<byte[]> ExportAsync(LoginLogFilter filter, SheetFormat format, CancellationToken cancellationToken = default);
}
