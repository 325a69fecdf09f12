using Ops.Domain.Auth;

namespace Ops.Portal.Components.Pages.Approvals.Components;

/// <summary>What assignee rules pick from, loaded once per designer: the roles and the department tree (flattened, with depth).</summary>
public sealed record DesignerLookups(IReadOnlyList<RoleSummary> Roles, IReadOnlyList<DepartmentOption> Departments)
{
    public static readonly DesignerLookups Empty = new([], []);

    public static IReadOnlyList<DepartmentOption> Flatten(IEnumerable<DepartmentNode> roots, int depth = 0) =>
        roots.SelectMany(d => Flatten(d.Children, depth + 1).Prepend(new DepartmentOption(d.Id, d.Name, depth))).ToList();
}

public sealed record DepartmentOption(long Id, string Name, int Depth);
