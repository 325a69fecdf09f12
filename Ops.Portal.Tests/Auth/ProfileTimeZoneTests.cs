using Ops.Infrastructure.Auth;
using Microsoft.Extensions.Localization;
using Ops.Portal.Localization;

namespace Ops.Portal.Tests.Auth;

public sealed class ProfileTimeZoneTests
{
    [Fact]
    public async Task SetTimeZone_KnownZoneIsKept_EmptyFollowsTheBrowser_UnknownIsRefusedWithAFieldMessage()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        harness.CurrentUser.Actor = await harness.UserAsync("zoned");
        var profiles = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IProfileService>();

        Assert.True((await profiles.SetTimeZoneAsync(" Asia/Shanghai ")).IsSuccess);
        Assert.Equal("Asia/Shanghai", (await profiles.GetAsync()).PreferredTimeZone);

        var refused = await profiles.SetTimeZoneAsync("Mars/Olympus_Mons");
        Assert.Equal("auth.profile.time_zone_invalid", refused.Error!.Code);
        Assert.Equal("Asia/Shanghai", (await profiles.GetAsync()).PreferredTimeZone);
        var texts = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<UiText>>();
        var uiCulture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            foreach (var (culture, word) in new[] { ("en-US", "time zone"), ("zh-CN", "时区") })
            {
                System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                var text = texts[refused.Error.Code, refused.Error.Args];
                Assert.False(text.ResourceNotFound);
                Assert.Contains("Mars/Olympus_Mons", text.Value);
                Assert.Contains(word, text.Value);
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = uiCulture;
        }

        Assert.True((await profiles.SetTimeZoneAsync("")).IsSuccess);
        Assert.Null((await profiles.GetAsync()).PreferredTimeZone);
    }

    [Fact]
    public async Task SetTimeZone_WithoutASignedInUser_IsRefused()
    {
        await using var harness = await InfrastructureHarness.StartAsync(DatabaseProvider.Sqlite);
        var profiles = harness.Services.CreateScope().ServiceProvider.GetRequiredService<IProfileService>();

        await Assert.ThrowsAsync<ForbiddenException>(() => profiles.SetTimeZoneAsync("Asia/Shanghai"));
    }
}
