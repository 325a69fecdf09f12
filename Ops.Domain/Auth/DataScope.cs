namespace Ops.Domain.Auth;

/// <summary>Which rows a user may see, by owning department (seed: ALL / DEPT / DEPT_CHILD / SELF / CUSTOM).</summary>
public enum DataScope
{
    /// <summary>Only rows the user owns.</summary>
    Self = 0,

    /// <summary>Rows of the user's own department.</summary>
    Department = 1,

    /// <summary>Rows of the user's department and every department below it.</summary>
    DepartmentAndChildren = 2,

    /// <summary>Rows of a chosen set of departments.</summary>
    Custom = 3,

    /// <summary>Every row.</summary>
    All = 4,
}

/// <summary>A scope as assigned to a user or a role: the kind plus, for Custom, the chosen departments.</summary>
public sealed record DataScopeGrant(DataScope Scope, IReadOnlyCollection<long> CustomDepartmentIds)
{
    public static DataScopeGrant Of(DataScope scope) => new(scope, []);

    /// <summary>Stored as a comma-separated list of ids.</summary>
    public static IReadOnlyCollection<long> ParseIds(string? stored) =>
        string.IsNullOrWhiteSpace(stored)
            ? []
            : stored.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
                .Where(id => id > 0).Distinct().Order().ToList();

    public static string? FormatIds(IEnumerable<long>? ids)
    {
        var list = ids?.Where(id => id > 0).Distinct().Order().ToList() ?? [];
        return list.Count == 0 ? null : string.Join(",", list);
    }
}

/// <summary>
/// The rows visible to one user: everything, or rows owned by the user plus rows of the listed
/// departments. Apply it with the query helper; never re-implement it per page.
/// </summary>
public sealed record DataScopeFilter(bool All, long UserId, IReadOnlySet<long> DepartmentIds)
{
    public static DataScopeFilter Everything(long userId) => new(true, userId, new HashSet<long>());

    public bool Allows(long? departmentId, long? ownerUserId) =>
        All || ownerUserId == UserId || (departmentId is { } d && DepartmentIds.Contains(d));
}

/// <summary>
/// Combines the grants of a user and their roles into one filter: the widest wins, and the
/// department sets of different grants add up.
/// </summary>
public static class DataScopeRules
{
    /// <param name="userId">The user.</param>
    /// <param name="userDepartmentId">The user's department, if any.</param>
    /// <param name="grants">The user's own grant and the grants of their active roles.</param>
    /// <param name="descendantsOf">Department id → that department and all below it.</param>
    public static DataScopeFilter Resolve(
        long userId,
        long? userDepartmentId,
        IEnumerable<DataScopeGrant> grants,
        Func<long, IEnumerable<long>> descendantsOf)
    {
        var departments = new HashSet<long>();
        foreach (var grant in grants)
        {
            switch (grant.Scope)
            {
                case DataScope.All:
                    return DataScopeFilter.Everything(userId);
                case DataScope.Department when userDepartmentId is { } own:
                    departments.Add(own);
                    break;
                case DataScope.DepartmentAndChildren when userDepartmentId is { } own:
                    departments.UnionWith(descendantsOf(own));
                    break;
                case DataScope.Custom:
                    departments.UnionWith(grant.CustomDepartmentIds);
                    break;
            }
        }

        return new DataScopeFilter(false, userId, departments);
    }
}
