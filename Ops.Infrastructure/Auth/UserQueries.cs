using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

/// <summary>A user-list row as the database returns it, before role names are attached.</summary>
internal sealed record UserListRow
{
    public long Id { get; init; }

    public string UserName { get; init; } = "";

    public string? RealName { get; init; }

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }

    public long? DepartmentId { get; init; }

    public string? DepartmentName { get; init; }

    public bool IsActive { get; init; }

    public bool IsSuperuser { get; init; }

    public bool IsStaff { get; init; }

    public bool RequireMfa { get; init; }

    public bool MfaEnabled { get; init; }

    public int LoginCount { get; init; }

    public DateTimeOffset? LastLoginAt { get; init; }

    public int FailedCount { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public bool PendingApproval { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public int AvatarVersion { get; init; }

    public UserRow ToRow(ILookup<long, string> roles) => new(Id, UserName, RealName, Email, PhoneNumber, DepartmentId, DepartmentName,
        roles[Id].ToList(), IsActive, IsSuperuser, IsStaff, RequireMfa, MfaEnabled, LoginCount, LastLoginAt, FailedCount, LockedUntil,
        PendingApproval, CreatedAt, AvatarVersion);
}

internal static class UserQueries
{
    /// <summary>The user list's filters and the caller's data scope, as one query.</summary>
    public static IQueryable<OpsUser> Filtered(OpsDbContext db, UserFilter filter, string? search, DataScopeFilter scope, DateTimeOffset now)
    {
        // Service accounts have their own page; the user list, its export and its counts are about people.
        var users = db.Users.AsNoTracking().Where(u => !u.IsServiceAccount).WhereInScope(scope, u => u.DepartmentId, u => u.Id);
        if (filter.DepartmentId is { } departmentId)
        {
            users = filter.IncludeSubDepartments
                ? users.Where(u => DepartmentPaths.DescendantIds(db, departmentId).Contains(u.DepartmentId!.Value))
                : users.Where(u => u.DepartmentId == departmentId);
        }

        if (filter.Active is { } active)
        {
            users = users.Where(u => u.IsActive == active);
        }

        if (filter.PendingApproval is { } pending)
        {
            users = users.Where(u => u.PendingApproval == pending);
        }

        if (filter.RoleId is { } roleId)
        {
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        if (filter.Locked is { } locked)
        {
            users = locked
                ? users.Where(u => u.LockoutEnd != null && u.LockoutEnd > now)
                : users.Where(u => u.LockoutEnd == null || u.LockoutEnd <= now);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim();
            users = users.Where(u => u.UserName!.Contains(term) || (u.RealName != null && u.RealName.Contains(term))
                || (u.Email != null && u.Email.Contains(term)) || (u.PhoneNumber != null && u.PhoneNumber.Contains(term)));
        }

        return users;
    }

    public static IQueryable<UserListRow> Project(OpsDbContext db, IQueryable<OpsUser> users) =>
        from u in users
        join d in db.Departments on u.DepartmentId equals d.Id into departments
        from d in departments.DefaultIfEmpty()
        select new UserListRow
        {
            Id = u.Id, UserName = u.UserName!, RealName = u.RealName, Email = u.Email, PhoneNumber = u.PhoneNumber,
            DepartmentId = u.DepartmentId, DepartmentName = d.Name, IsActive = u.IsActive, IsSuperuser = u.IsSuperuser,
            IsStaff = u.IsStaff, RequireMfa = u.RequireMfa, MfaEnabled = u.TwoFactorEnabled, LoginCount = u.LoginCount,
            LastLoginAt = u.LastLoginAt, FailedCount = u.AccessFailedCount, LockedUntil = u.LockoutEnd,
            PendingApproval = u.PendingApproval, CreatedAt = u.CreatedAt, AvatarVersion = u.AvatarVersion,
        };

    /// <summary>Role names of the listed users, in one query.</summary>
    public static async Task<ILookup<long, string>> RoleNamesAsync(OpsDbContext db, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where userIds.Contains(ur.UserId)
            orderby r.SortOrder
            select new { ur.UserId, r.DisplayName }).ToListAsync(cancellationToken);
        return pairs.ToLookup(p => p.UserId, p => p.DisplayName);
    }
}
