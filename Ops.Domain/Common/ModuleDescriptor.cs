namespace Ops.Domain.Common;

/// <summary>
/// One module of the portal, written down once: <see cref="Name"/> is the folder name in every project
/// (<c>Ops.Domain/Approvals</c>, <c>Ops.Infrastructure/Approvals</c>, <c>Components/Pages/Approvals</c>, tests); the spec
/// names the same module differently in its routes (<see cref="RoutePrefix"/>, e.g. <c>/workflow</c>) and permission
/// codes (<see cref="PermissionPrefix"/>, e.g. <c>workflow.</c>).
/// </summary>
public sealed record ModuleDescriptor(string Name, string RoutePrefix, string PermissionPrefix)
{
    /// <summary>Routes the module owns outside <see cref="RoutePrefix"/> (the spec puts the personal inbox at <c>/notifications</c>).</summary>
    public IReadOnlyList<string> OtherRoutePrefixes { get; init; } = [];

    /// <summary>Whether a page path lies under one of the module's route prefixes.</summary>
    public bool OwnsRoute(string path) =>
        OtherRoutePrefixes.Prepend(RoutePrefix).Any(prefix => path.Equals(prefix, StringComparison.OrdinalIgnoreCase)
            || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a permission code is the module's root or lies beneath it.</summary>
    public bool OwnsPermission(string code) =>
        code.Equals(PermissionPrefix, StringComparison.Ordinal) || code.StartsWith(PermissionPrefix + ".", StringComparison.Ordinal);
}
