using Ops.Domain.Audit;

namespace Ops.Domain.Tests.Audit;

public sealed class UserAgentInfoTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36", "Chrome 124", "Windows 10/11", "Desktop")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51", "Edge 124", "Windows 10/11", "Desktop")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15", "Safari 17", "macOS", "Desktop")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0", "Firefox 125", "Linux", "Desktop")]
    [InlineData("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36", "Chrome 124", "Android", "Mobile")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.40", "WeChat 8", "iOS", "Mobile")]
    [InlineData("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 DingTalk/7.5.0", "DingTalk 7", "iOS", "Tablet")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36", "Headless Chrome 156", "Linux", "Desktop")]
    [InlineData("curl/8.5.0", "curl", "Other", "Other")]
    public void Parse_NamesBrowserSystemAndDevice(string userAgent, string browser, string system, string device) =>
        Assert.Equal(new UserAgentInfo(browser, system, device), UserAgentInfo.Parse(userAgent));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Parse_Nothing_IsUnknown(string? userAgent) => Assert.Equal(UserAgentInfo.Unknown, UserAgentInfo.Parse(userAgent));
}
