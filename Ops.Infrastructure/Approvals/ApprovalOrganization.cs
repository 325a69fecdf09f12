using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Approvals;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Approvals;

/// <summary>
/// The organisation data one action may need, loaded before the (synchronous, pure) engine runs: members of
/// the roles the process names, the department tree with leaders when a leader rule exists, the applicant's
/// department, the active state of every user a rule or the applicant's choice names, and the out-of-office
/// delegations in force. Disabled users never get tasks or copies.
/// </summary>
internal sealed class ApprovalOrganization : IAssigneeResolver, IDelegationLookup
{
    private readonly Dictionary<long, List<long>> _roleMembers = [];
    private readonly Dictionary<long, (long? Parent, long? Leader)> _departments = [];
    private readonly Dictionary<long, long> _delegates = [];
    private readonly HashSet<long> _active = [];
    private long? _applicantDepartment;

    private ApprovalOrganization()
    {
    }

    public static async Task<ApprovalContext> LoadAsync(
        OpsDbContext db, ApprovalDelegationCache delegations, ApprovalProcess process, ApprovalForm form, IReadOnlyDictionary<string, JsonElement> data,
        long applicantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var organization = new ApprovalOrganization();
        var rules = process.Nodes.SelectMany(n => n switch
        {
            ApprovalNode a => a.Assignees,
            CcNode c => c.Recipients,
            _ => [],
        }).ToList();

        var roles = rules.Where(r => r.Kind == AssigneeKind.Role && r.RoleId is not null).Select(r => r.RoleId!.Value).Distinct().ToList();
        if (roles.Count > 0)
        {
            var members = await (from ur in db.UserRoles
                                 join u in db.Users on ur.UserId equals u.Id
                                 where roles.Contains(ur.RoleId) && u.IsActive
                                 orderby u.Id
                                 select new { ur.RoleId, ur.UserId }).ToListAsync(cancellationToken);
            foreach (var group in members.GroupBy(m => m.RoleId))
            {
                organization._roleMembers[group.Key] = group.Select(m => m.UserId).ToList();
            }

            organization._active.UnionWith(members.Select(m => m.UserId));
        }

        if (rules.Any(r => r.Kind is AssigneeKind.DepartmentLeader or AssigneeKind.ApplicantLeader))
        {
            var departments = await db.Departments.AsNoTracking().Select(d => new { d.Id, d.ParentId, d.LeaderUserId }).ToListAsync(cancellationToken);
            foreach (var d in departments)
            {
                organization._departments[d.Id] = (d.ParentId, d.LeaderUserId);
            }

            organization._applicantDepartment = await db.Users.Where(u => u.Id == applicantId).Select(u => u.DepartmentId).FirstOrDefaultAsync(cancellationToken);
        }

        foreach (var d in await delegations.InForceAsync(db, now, cancellationToken))
        {
            organization._delegates[d.UserId] = d.DelegateId;
        }

        // Leaders, named users, the applicant's choices and delegates must still be able to sign in to act.
        var named = rules.Where(r => r.Kind == AssigneeKind.Users).SelectMany(r => r.UserIds ?? []);
        var chosen = form.Fields.Where(f => f.Type == FieldType.User && data.ContainsKey(f.Key))
            .SelectMany(f => FormValues.TryIds(data[f.Key], out var ids) ? ids : []);
        var candidates = organization._departments.Values.Where(d => d.Leader is not null).Select(d => d.Leader!.Value)
            .Concat(organization._delegates.Values).Concat(named).Concat(chosen).Distinct().Except(organization._active).ToList();
        if (candidates.Count > 0)
        {
            organization._active.UnionWith(await db.Users.Where(u => candidates.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken));
        }

        return new ApprovalContext(organization, organization);
    }

    public IReadOnlyList<long> RoleMembers(long roleId) => _roleMembers.TryGetValue(roleId, out var members) ? members : [];

    public IReadOnlyList<long> DepartmentLeaders(long departmentId) =>
        _departments.TryGetValue(departmentId, out var d) && d.Leader is { } leader && _active.Contains(leader) ? [leader] : [];

    public IReadOnlyList<long> ApplicantLeaders(long applicantId, int levelsUp)
    {
        var department = _applicantDepartment;
        for (var level = 1; level < levelsUp && department is { } id && _departments.TryGetValue(id, out var d); level++)
        {
            department = d.Parent;
        }

        return department is { } found ? DepartmentLeaders(found) : [];
    }

    public bool CanDecide(long userId) => _active.Contains(userId);

    /// <summary>
    /// Follows out-of-office chains (A away to B, B away to C: C takes it); a loop, or a chain ending at someone
    /// who cannot sign in, leaves the task with its assignee.
    /// </summary>
    public long? DelegateFor(long userId, DateTimeOffset now)
    {
        var seen = new HashSet<long> { userId };
        var current = userId;
        while (_delegates.TryGetValue(current, out var next))
        {
            if (!seen.Add(next) || !_active.Contains(next))
            {
                return null;
            }

            current = next;
        }

        return current == userId ? null : current;
    }
}
