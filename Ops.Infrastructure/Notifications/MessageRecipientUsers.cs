using Microsoft.EntityFrameworkCore;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

/// <summary>
/// The user ids each send names: its users, the members of its roles, and everyone in its departments' subtrees. Three
/// queries at most for any number of sends (role members; the departments' paths; their subtrees' users), none when
/// the sends name users only.
/// </summary>
internal static class MessageRecipientUsers
{
    public static async Task<IReadOnlyList<HashSet<long>>> IdsAsync(OpsDbContext db, IReadOnlyList<SendRequest> requests, CancellationToken cancellationToken)
    {
        var roles = requests.SelectMany(r => r.RoleIds ?? []).Distinct().ToList();
        var members = (roles.Count == 0 ? [] : await db.UserRoles.Where(r => roles.Contains(r.RoleId)).Select(r => new { r.RoleId, r.UserId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.RoleId, r => r.UserId);
        var departments = requests.SelectMany(r => r.DepartmentIds ?? []).Distinct().ToList();
        var (roots, people) = departments.Count == 0
            ? (new Dictionary<long, string>(), new List<(long UserId, string Path)>())
            : await DepartmentMembersAsync(db, departments, cancellationToken);

        return requests.Select(request =>
        {
            var ids = request.UserIds.ToHashSet();
            foreach (var role in request.RoleIds ?? [])
            {
                ids.UnionWith(members[role]);
            }

            // A department's subtree: every department whose path starts with the root's (as the single send's query).
            var paths = (request.DepartmentIds ?? []).Where(roots.ContainsKey).Select(d => roots[d]).ToList();
            if (paths.Count > 0)
            {
                ids.UnionWith(people.Where(p => paths.Any(root => p.Path.StartsWith(root, StringComparison.Ordinal))).Select(p => p.UserId));
            }

            return ids;
        }).ToList();
    }

    /// <summary>The named departments' paths, and the users of all their subtrees with their own department's path.</summary>
    private static async Task<(Dictionary<long, string> Roots, List<(long UserId, string Path)> People)> DepartmentMembersAsync(
        OpsDbContext db, List<long> departments, CancellationToken cancellationToken)
    {
        var roots = await db.Departments.Where(d => departments.Contains(d.Id)).Select(d => new { d.Id, d.Path }).ToDictionaryAsync(d => d.Id, d => d.Path, cancellationToken);
        var subtree = DepartmentPaths.DescendantIds(db, departments);
        var people = await (from u in db.Users
                            join d in db.Departments on u.DepartmentId equals d.Id
                            where subtree.Contains(d.Id)
                            select new { u.Id, d.Path }).ToListAsync(cancellationToken);
        return (roots, people.Select(p => (p.Id, p.Path)).ToList());
    }
}
