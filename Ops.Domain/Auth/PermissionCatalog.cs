using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>
/// Every permission of the product, gathered from the per-module classes. The database permission
/// table is seeded from here at start-up, so a code joins only with the page, endpoint or service check
/// that uses it: a grant for a page that does not exist is a promise the portal cannot keep. The seeder
/// retires codes taken out (hidden from the grant tree, never effective).
/// </summary>
public static class PermissionCatalog
{
    /// <summary>
    /// Every module with its permission codes: the one line a new module adds in Ops.Domain. The order is the
    /// grant tree's.
    /// </summary>
    public static IReadOnlyList<ModulePermissionSet> Modules { get; } =
    [
        new(SystemPermissions.Descriptor, SystemPermissions.All),
        new(SchedulerPermissions.Descriptor, SchedulerPermissions.All),
        new(ReportPermissions.Descriptor, ReportPermissions.All),
        new(ConfigPermissions.Descriptor, ConfigPermissions.All),
        new(ApprovalPermissions.Descriptor, ApprovalPermissions.All),
        new(AuditPermissions.Descriptor, AuditPermissions.All),
        new(NotificationPermissions.Descriptor, NotificationPermissions.All),
    ];

    public static IReadOnlyList<PermissionDefinition> All { get; } = [.. Modules.SelectMany(m => m.Permissions)];

    private static readonly Dictionary<string, PermissionDefinition> ByCode =
        All.GroupBy(p => p.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    public static PermissionDefinition? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>Integrity problems of a catalogue: duplicate codes, unknown parents, parent cycles.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<PermissionDefinition> definitions)
    {
        var problems = new List<string>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (string.IsNullOrWhiteSpace(definition.Code))
            {
                problems.Add("empty code");
            }
            else if (!codes.Add(definition.Code))
            {
                problems.Add($"duplicate code '{definition.Code}'");
            }
        }

        var parents = definitions
            .GroupBy(d => d.Code, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().ParentCode, StringComparer.Ordinal);
        foreach (var definition in definitions.Where(d => d.ParentCode is not null))
        {
            if (!parents.ContainsKey(definition.ParentCode!))
            {
                problems.Add($"'{definition.Code}' has unknown parent '{definition.ParentCode}'");
            }
        }

        foreach (var code in parents.Keys)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { code };
            for (var parent = parents[code]; parent is not null && parents.TryGetValue(parent, out var next); parent = next)
            {
                if (!seen.Add(parent))
                {
                    problems.Add($"'{code}' is in a parent cycle");
                    break;
                }
            }
        }

        return problems;
    }
}

/// <summary>A module and the permission codes it seeds.</summary>
public sealed record ModulePermissionSet(ModuleDescriptor Module, IReadOnlyList<PermissionDefinition> Permissions);
