using System.Text.RegularExpressions;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Common;

/// <summary>
/// A menu title names a page ("Role management", "角色管理"); a field or column names a thing ("Roles", "角色"). The
/// keys the drawer uses for its titles are never a field's label, a column's title or a placeholder.
/// </summary>
public sealed partial class FieldLabelTests
{
    [Fact]
    public void NoFieldOrColumn_IsLabelledWithAMenuTitle()
    {
        var menuKeys = NavigationCatalog.Groups.SelectMany(g => g.Items.Select(i => i.TitleKey).Append(g.TitleKey))
            .Append(NavigationCatalog.Dashboard.TitleKey).ToHashSet(StringComparer.Ordinal);
        var components = Path.Combine(PageExtensions.RepositoryRoot(), "Ops.Portal", "Components");
        var misuses = Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories)
            .SelectMany(file => LabelUse().Matches(File.ReadAllText(file))
                .Where(m => menuKeys.Contains(m.Groups["key"].Value))
                .Select(m => $"{Path.GetFileName(file)}: {m.Value}"))
            .ToList();

        Assert.True(misuses.Count == 0, "give the field its own key: " + string.Join("; ", misuses));
    }

    [Fact]
    public void MenuTitles_NameThePage_NotAnAction()
    {
        var menu = NavigationCatalog.Groups.SelectMany(g => g.Items).Select(i => i.TitleKey);

        Assert.DoesNotContain("perm.message.blacklist.manage", menu);
    }

    // Label="@T["key"]", Title="@T["key"]" (columns, groups excluded below), Placeholder, and captions above a field.
    [GeneratedRegex("""(?:\b(?:Label|Title|Placeholder|HelperText)="@T\["(?<key>[^"]+)"\]"|Typo\.(?:caption|subtitle2)">@T\["(?<key>[^"]+)"\])""")]
    private static partial Regex LabelUse();
}
