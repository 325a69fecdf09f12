using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

internal sealed class DepartmentService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IAuditTrail audit,
    PrivilegeCeiling ceiling) : IDepartmentService
{
    private static readonly string[] TreeReaders =
        [SystemPermissions.Departments.View, SystemPermissions.Users.View, SystemPermissions.Roles.View,
         SchedulerPermissions.Jobs.Create, SchedulerPermissions.Jobs.Update, ReportPermissions.DataSources.Edit];

    public async Task<IReadOnlyList<DepartmentNode>> GetTreeAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAnyAsync(TreeReaders, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await (
            from d in db.Departments.AsNoTracking()
            join u in db.Users on d.LeaderUserId equals u.Id into leaders
            from leader in leaders.DefaultIfEmpty()
            select new
            {
                d.Id, d.Name, d.Code, d.ParentId, d.LeaderUserId, d.SortOrder, d.Version,
                LeaderName = leader == null ? null : leader.RealName ?? leader.UserName,
                Users = db.Users.Count(u => u.DepartmentId == d.Id),
            }).ToListAsync(cancellationToken);
        var byParent = rows.OrderBy(r => r.SortOrder).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToLookup(r => r.ParentId);

        IReadOnlyList<DepartmentNode> Build(long? parentId) => byParent[parentId]
            .Select(r => new DepartmentNode(r.Id, r.Name, r.Code, r.ParentId, r.LeaderUserId, r.LeaderName, r.SortOrder, r.Users, r.Version, Build(r.Id)))
            .ToList();

        return Build(null);
    }

    public async Task<Result<long>> CreateAsync(DepartmentInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Departments.Create, cancellationToken);
        var valid = Validate(input);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        if (PrivilegeCeiling.CheckDepartment(await ceiling.CallerAsync(cancellationToken), input.ParentId) is { IsFailure: true } outside)
        {
            return outside.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var (name, code) = valid.Value;
        var checks = await CheckReferencesAsync(db, input, code, selfId: null, cancellationToken);
        if (checks.IsFailure)
        {
            return checks.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var department = new Department(name, code, sortOrder: input.SortOrder);
        department.SetLeader(input.LeaderUserId);
        db.Departments.Add(department);
        if (!await UniqueViolation.TrySaveAsync(db, cancellationToken))
        {
            return Error.Conflict("auth.department.code_taken", code).On("field.code");
        }

        department.PlaceUnder(checks.Value);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await RecordAsync("department.create", department.Id, cancellationToken);
        return department.Id;
    }

    public async Task<Result> UpdateAsync(long id, DepartmentInput input, int version, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Departments.Update, cancellationToken);
        var valid = Validate(input);
        if (valid.IsFailure)
        {
            return valid.Error!;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return Error.NotFound("auth.department.not_found");
        }

        // Both the department and where it moves must lie in the caller's data scope.
        var caller = await ceiling.CallerAsync(cancellationToken);
        if (InScope(caller, id) is { IsFailure: true } outside
            || (department.ParentId != input.ParentId && PrivilegeCeiling.CheckDepartment(caller, input.ParentId) is { IsFailure: true }))
        {
            return Error.Forbidden("auth.department.beyond_scope");
        }

        var (name, code) = valid.Value;
        var checks = await CheckReferencesAsync(db, input, code, id, cancellationToken);
        if (checks.IsFailure)
        {
            return checks.Error!;
        }

        var parent = checks.Value;
        if (parent is not null && (parent.Id == id || parent.Path.Contains($"/{id}/", StringComparison.Ordinal)))
        {
            return Error.Invalid("auth.department.cycle", parent.Name).On("department.parent");
        }

        department.Rename(name);
        department.SetCode(code);
        department.SetLeader(input.LeaderUserId);
        department.SetSortOrder(input.SortOrder);
        if (department.ParentId != parent?.Id)
        {
            await MoveSubtreeAsync(db, department, parent, cancellationToken);
        }

        var saved = await db.SaveVersionedAsync(
            department, d => d.Version, version, "department", cancellationToken, Error.Conflict("auth.department.code_taken", code).On("field.code"));
        if (saved.IsFailure)
        {
            return saved;
        }

        await RecordAsync("department.update", id, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> DeleteAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Departments.Delete, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var department = await db.Departments.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (department is null)
        {
            return Error.NotFound("auth.department.not_found");
        }

        if (InScope(await ceiling.CallerAsync(cancellationToken), id) is { IsFailure: true } outside)
        {
            return outside;
        }

        var children = await db.Departments.CountAsync(d => d.ParentId == id, cancellationToken);
        var users = await db.Users.CountAsync(u => u.DepartmentId == id, cancellationToken);
        if (children > 0 || users > 0)
        {
            return Error.Conflict("auth.department.not_empty", department.Name, children, users);
        }

        db.Departments.Remove(department);
        await db.SaveChangesAsync(cancellationToken);
        await RecordAsync("department.delete", id, cancellationToken);
        return Result.Success();
    }

    public async Task<IReadOnlyList<long>> GetDescendantIdsAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAnyAsync(TreeReaders, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await DepartmentPaths.DescendantIds(db, id).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<long>> GetAncestorIdsAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAnyAsync(TreeReaders, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var path = await db.Departments.Where(d => d.Id == id).Select(d => d.Path).SingleOrDefaultAsync(cancellationToken);
        return path is null ? [] : DepartmentPaths.Ancestors(path, id);
    }

    /// <summary>The one data-scope rule for changing an existing department: update and delete both ask here.</summary>
    private static Result InScope(Caller caller, long id) => PrivilegeCeiling.CheckDepartment(caller, id);

    private static Result<(string Name, string Code)> Validate(DepartmentInput input)
    {
        var name = TextRules.Required(input.Name, Department.NameMaxLength, "field.name");
        if (name.IsFailure)
        {
            return name.Error!;
        }

        var code = TextRules.Code(input.Code, Department.CodeMaxLength, "field.code");
        return code.IsFailure ? code.Error! : (name.Value, code.Value);
    }

    /// <summary>Code unique, parent and leader exist; returns the parent (null for a root).</summary>
    private static async Task<Result<Department?>> CheckReferencesAsync(
        OpsDbContext db, DepartmentInput input, string code, long? selfId, CancellationToken cancellationToken)
    {
        if (await db.Departments.IgnoreQueryFilters().AnyAsync(d => d.Code == code && d.Id != selfId, cancellationToken))
        {
            return Error.Conflict("auth.department.code_taken", code).On("field.code");
        }

        if (input.LeaderUserId is { } leader && !await db.Users.AnyAsync(u => u.Id == leader, cancellationToken))
        {
            return Error.NotFound("auth.user.not_found");
        }

        if (input.ParentId is not { } parentId)
        {
            return Result<Department?>.Success(null);
        }

        var parent = await db.Departments.SingleOrDefaultAsync(d => d.Id == parentId, cancellationToken);
        return parent is null ? Error.NotFound("auth.department.parent_not_found") : Result<Department?>.Success(parent);
    }

    /// <summary>Rewrites the materialized path of the department and everything below it.</summary>
    private static async Task MoveSubtreeAsync(OpsDbContext db, Department department, Department? parent, CancellationToken cancellationToken)
    {
        var oldPath = department.Path;
        var subtree = await db.Departments.Where(d => d.Path.StartsWith(oldPath) && d.Id != department.Id).ToListAsync(cancellationToken);
        department.PlaceUnder(parent);
        foreach (var descendant in subtree)
        {
            descendant.ReplacePathPrefix(oldPath, department.Path);
        }
    }

    private Task RecordAsync(string action, long id, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditEntry("system", action, "department", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
}

/// <summary>Tree queries on the materialized path: one query each, never a loop of queries.</summary>
internal static class DepartmentPaths
{
    public static IQueryable<long> DescendantIds(OpsDbContext db, long id)
    {
        var rootPath = db.Departments.Where(r => r.Id == id).Select(r => r.Path);
        return db.Departments.Where(d => rootPath.Any(p => d.Path.StartsWith(p))).Select(d => d.Id);
    }

    /// <summary>The departments and all their descendants, in one query.</summary>
    public static IQueryable<long> DescendantIds(OpsDbContext db, IReadOnlyCollection<long> ids)
    {
        var rootPaths = db.Departments.Where(r => ids.Contains(r.Id)).Select(r => r.Path);
        return db.Departments.Where(d => rootPaths.Any(p => d.Path.StartsWith(p))).Select(d => d.Id);
    }

    public static IReadOnlyList<long> Ancestors(string path, long id) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.Parse(s, CultureInfo.InvariantCulture))
            .Where(a => a != id)
            .ToList();
}
