using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>Filters of the user list; paging and sort come in a <see cref="PageRequest"/>.</summary>
public sealed record UserFilter
{
    /// <summary>Only users of this department and, with <see cref="IncludeSubDepartments"/>, those below it.</summary>
    public long? DepartmentId { get; init; }

    public bool IncludeSubDepartments { get; init; } = true;

    public bool? Active { get; init; }

    public long? RoleId { get; init; }

    public bool? Locked { get; init; }

    public bool? PendingApproval { get; init; }
}

public sealed record UserRow(
    long Id,
    string UserName,
    string? RealName,
    string? Email,
    string? PhoneNumber,
    long? DepartmentId,
    string? DepartmentName,
    IReadOnlyList<string> Roles,
    bool IsActive,
    bool IsSuperuser,
    bool IsStaff,
    bool RequireMfa,
    bool MfaEnabled,
    int LoginCount,
    DateTimeOffset? LastLoginAt,
    int FailedCount,
    DateTimeOffset? LockedUntil,
    bool PendingApproval,
    DateTimeOffset CreatedAt,
    int AvatarVersion)
{
    /// <summary>Locked out by failed sign-ins at <paramref name="now"/>: the only users "unlock" applies to.</summary>
    public bool IsLockedAt(DateTimeOffset now) => LockedUntil is { } until && until > now;
}

public sealed record UserInput(
    string UserName,
    string? RealName,
    string? Email,
    string? PhoneNumber,
    long? DepartmentId,
    IReadOnlyCollection<long> RoleIds,
    DataScope? DataScope,
    IReadOnlyCollection<long> CustomDepartmentIds,
    bool IsActive,
    bool IsStaff,
    bool IsSuperuser,
    bool RequireMfa,
    string? WeComId = null,
    string? DingTalkId = null,
    string? FeishuId = null);

public sealed record UserDetail(UserRow Row, UserInput Input, string ConcurrencyStamp);

/// <summary>A created user; <see cref="InitialPassword"/> is shown once when it was generated.</summary>
public sealed record UserCreated(long Id, string? InitialPassword);

/// <summary>Users (seed t_user): list, edit, lifecycle.</summary>
public interface IUserService
{
    Task<PagedResult<UserRow>> QueryAsync(UserFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    Task<Result<UserDetail>> GetAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates a user; without <paramref name="password"/> one is generated and must be changed at first sign-in. A repeat with
    /// the same <paramref name="idempotencyKey"/> (the dialog's, made when it opened) returns the first user, without a password.
    /// </summary>
    Task<Result<UserCreated>> CreateAsync(UserInput input, string? password, string? idempotencyKey = null, CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(long id, UserInput input, string concurrencyStamp, CancellationToken cancellationToken = default);

    /// <summary>Replaces a user's picture (PNG, JPEG or WebP, at most 512 KB).</summary>
    Task<Result> SetAvatarAsync(long id, byte[] content, CancellationToken cancellationToken = default);
}

/// <summary>Actions on one or many users from the list.</summary>
public interface IUserAdministration
{
    /// <summary>Enables or disables; disabling ends the users' sessions and open circuits.</summary>
    Task<Result<int>> SetActiveAsync(IReadOnlyCollection<long> ids, bool active, CancellationToken cancellationToken = default);

    Task<Result<int>> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);

    Task<Result<int>> AssignRoleAsync(IReadOnlyCollection<long> ids, long roleId, CancellationToken cancellationToken = default);

    /// <summary>Sets a generated password that must be changed at the next sign-in; returns it once.</summary>
    Task<Result<string>> ResetPasswordAsync(long id, CancellationToken cancellationToken = default);

    Task<Result> UnlockAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Approves self-registered accounts: they become active.</summary>
    Task<Result<int>> ApproveAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default);
}

/// <summary>One problem of an imported sheet: the sheet row (header is row 1), the column and a localizable error.</summary>
public sealed record ImportProblem(int Row, string Column, Error Error);

/// <summary>The outcome of an import: rows written, or every problem found (then nothing is written).</summary>
public sealed record ImportReport(int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Excel export and import of users.</summary>
public interface IUserExchange
{
    Task<byte[]> ExportAsync(UserFilter filter, string? search, SheetFormat format, CancellationToken cancellationToken = default);

    /// <summary>An empty sheet with the columns the import reads.</summary>
    Task<byte[]> TemplateAsync(SheetFormat format, CancellationToken cancellationToken = default);

    /// <summary>Reads the sheet; one bad row and nothing is imported.</summary>
    Task<ImportReport> ImportAsync(Stream workbook, SheetFormat format, CancellationToken cancellationToken = default);
}
