namespace Ops.Domain.Auth;

/// <summary>
/// Builds one module's part of the catalogue. Display names are resources named
/// <c>perm.&lt;code&gt;</c>; sort order follows declaration order.
/// </summary>
public sealed class PermissionTreeBuilder(string module)
{
    private readonly List<PermissionDefinition> _items = [];

    public PermissionTreeBuilder Menu(string code, string? parent = null, string? path = null) =>
        Add(code, PermissionType.Menu, parent, path, null);

    public PermissionTreeBuilder Buttons(string parent, params string[] codes)
    {
        foreach (var code in codes)
        {
            Add(code, PermissionType.Button, parent, null, null);
        }

        return this;
    }

    public PermissionTreeBuilder Api(string code, string parent, string method, string path) =>
        Add(code, PermissionType.Api, parent, path, method);

    public IReadOnlyList<PermissionDefinition> Build() => _items;

    private PermissionTreeBuilder Add(string code, PermissionType type, string? parent, string? path, string? method)
    {
        _items.Add(new PermissionDefinition(code, "perm." + code, type, module, parent, path, method, _items.Count));
        return this;
    }
}
