using System.Globalization;
using System.Reflection;
using System.Xml.Linq;
using Microsoft.Extensions.Localization;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Domain.Scheduler;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Common;

/// <summary>Texts kept in the database are codes put into words in the viewer's language; old prose rows show as they are.</summary>
public sealed class StoredTextTests : PortalTestContext
{
    [Fact]
    public void StoredCodes_ShowInTheViewersLanguage()
    {
        var t = Services.GetRequiredService<IStringLocalizer<UiText>>();

        UseCulture(Cultures.Chinese);
        Assert.Equal("已被用户停止。", t.Stored(RunTexts.StoppedByUser));
        Assert.Equal("运行超过 30 秒，已超时。", t.Stored(RunTexts.TimedOut(30)));

        UseCulture(Cultures.English);
        Assert.Equal("Stopped by a user.", t.Stored(RunTexts.StoppedByUser));
        Assert.Equal("Timed out after 30 s.", t.Stored(RunTexts.TimedOut(30)));
    }

    [Fact]
    public void LegacyProse_AndForeignOutput_ShowAsTheyAre()
    {
        var t = Services.GetRequiredService<IStringLocalizer<UiText>>();
        UseCulture(Cultures.Chinese);

        Assert.Equal("Stopped by a user.", t.Stored("Stopped by a user."));
        Assert.Equal("HTTP 500 from http://hook", t.Stored("HTTP 500 from http://hook"));
        Assert.Equal("{\"text\": broken", t.Stored("{\"text\": broken"));
        Assert.Equal("", t.Stored(null));
    }

    [Fact]
    public void Encode_RoundTrips_CultureNeutral()
    {
        UseCulture("de-DE");
        var stored = StoredText.Of("job.run.error.timed_out", 1.5).Encode();

        Assert.True(StoredText.TryDecode(stored, out var text));
        Assert.Equal(("job.run.error.timed_out", "1.5"), (text.Code, text.Args.Single()));
        Assert.False(StoredText.TryDecode("Timed out after 30 s.", out _));
    }

    /// <summary>Every stored sentence the scheduler and the deliveries write has its English and Chinese words.</summary>
    [Fact]
    public void EveryStoredCode_IsTranslated()
    {
        var localization = Path.Combine(PageExtensions.RepositoryRoot(), "Ops.Portal", "Localization");
        var english = Keys(Path.Combine(localization, "UiText.resx"));
        var chinese = Keys(Path.Combine(localization, "UiText.zh-CN.resx"));

        var codes = new[] { typeof(RunTexts), typeof(DeliveryTexts) }.SelectMany(StoredOf).Select(s => Decode(s).Code).ToList();

        Assert.True(codes.Count >= 15, $"only {codes.Count} codes found");
        Assert.All(codes, c => Assert.True(english.Contains(c) && chinese.Contains(c), c));
    }

    private static IEnumerable<string> StoredOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!)
            .Concat(type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(string))
                .Select(m => (string)m.Invoke(null, m.GetParameters().Select(p => p.ParameterType == typeof(string) ? "x" : Activator.CreateInstance(p.ParameterType)).ToArray())!));

    private static StoredText Decode(string stored) => StoredText.TryDecode(stored, out var text) ? text : throw new InvalidOperationException(stored);

    private static HashSet<string> Keys(string file) =>
        XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
}
