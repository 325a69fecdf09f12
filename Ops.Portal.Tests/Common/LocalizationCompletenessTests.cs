using System.Text.RegularExpressions;
using System.Xml.Linq;
using Ops.Domain.Auth;

namespace Ops.Portal.Tests.Common;

/// <summary>Every text the UI asks for exists in English and Chinese.</summary>
public sealed partial class LocalizationCompletenessTests
{
    private static readonly string Localization = Path.Combine(PageExtensions.RepositoryRoot(), "Ops.Portal", "Localization");

    [Theory]
    [InlineData("UiText")]
    [InlineData("MudBlazorText")]
    public void ChineseAndEnglish_HaveTheSameKeys(string resource)
    {
        var english = Keys($"{resource}.resx");
        var chinese = Keys($"{resource}.zh-CN.resx");

        Assert.Empty(english.Keys.Except(chinese.Keys));
        Assert.Empty(chinese.Keys.Except(english.Keys));
        Assert.All(chinese, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), kv.Key));
    }

    [Fact]
    public void EveryKeyTheSourceUses_Exists()
    {
        var keys = Keys("UiText.resx");
        var root = PageExtensions.RepositoryRoot();
        var used = Directory.EnumerateFiles(Path.Combine(root, "Ops.Portal"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !keys.ContainsKey(k)).Order());
    }

    [Fact]
    public void EveryErrorCodeTheServicesReturn_IsTranslated()
    {
        var keys = Keys("UiText.zh-CN.resx");
        var root = PageExtensions.RepositoryRoot();
        var codes = new[] { "Ops.Domain", "Ops.Infrastructure", "Ops.Portal" }
            .SelectMany(p => Directory.EnumerateFiles(Path.Combine(root, p), "*.cs", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => ErrorCode().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(c => PermissionCatalog.Find(c) is null)
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(codes);
        Assert.All(codes, c => Assert.True(keys.ContainsKey(c), c));
    }

    [Fact]
    public void EveryPermissionName_IsTranslated()
    {
        var keys = Keys("UiText.zh-CN.resx");

        Assert.All(PermissionCatalog.All, p => Assert.True(keys.ContainsKey(p.NameKey), p.NameKey));
    }

    [Fact]
    public void EveryMenuEntry_IsTranslated()
    {
        var keys = Keys("UiText.zh-CN.resx");
        var titles = Ops.Portal.Common.NavigationCatalog.Groups
            .SelectMany(g => g.Items.Select(i => i.TitleKey).Append(g.TitleKey))
            .Append(Ops.Portal.Common.NavigationCatalog.Dashboard.TitleKey);

        Assert.All(titles, k => Assert.True(keys.ContainsKey(k), k));
    }

    [Fact]
    public void PlaceholdersMatch_BetweenLanguages()
    {
        var english = Keys("UiText.resx");
        var chinese = Keys("UiText.zh-CN.resx");

        Assert.All(english, kv => Assert.Equal(
            Placeholder().Matches(kv.Value).Select(m => m.Value).Order(),
            Placeholder().Matches(chinese[kv.Key]).Select(m => m.Value).Order()));
    }

    private static Dictionary<string, string> Keys(string file) =>
        XDocument.Load(Path.Combine(Localization, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    [GeneratedRegex("""T\["([a-z_]+(?:\.[a-z_]+)+)"[\],]""")]
    private static partial Regex UsedKey();

    [GeneratedRegex("\"((?:auth|common|import|field|message\\.(?:template|send|log|notification|blacklist))\\.[a-z_.]+)(?<!\\.)\"")]
    private static partial Regex ErrorCode();

    [GeneratedRegex(@"\{\d+[^}]*\}")]
    private static partial Regex Placeholder();
}
