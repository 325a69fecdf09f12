using Bunit;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Shared;

public sealed class BusyButtonTests : PortalTestContext
{
    [Fact]
    public async Task ADoubleClick_RunsTheActionOnce_AndTheButtonIsDisabledWhileItRuns()
    {
        var runs = 0;
        var server = new TaskCompletionSource();
        var button = Render<BusyButton>(p => p
            .Add(b => b.OnClick, async () =>
            {
                runs++;
                await server.Task;
            })
            .AddChildContent("Submit"));

        // Two clicks dispatched before the first finished (the browser's second click of a double click).
        var element = button.Find("button");
        var first = element.ClickAsync(new());
        var second = element.ClickAsync(new());

        Assert.Equal(1, runs);
        Assert.True(button.Find("button").HasAttribute("disabled"));
        server.SetResult();
        await Task.WhenAll(first, second);
        button.WaitForAssertion(() => Assert.False(button.Find("button").HasAttribute("disabled")));

        await button.Find("button").ClickAsync(new());
        Assert.Equal(2, runs);
    }

    [Fact]
    public void WithAnIconAndNoText_ItIsAnIconButton_KeepingItsHtmlAttributes()
    {
        var button = Render<BusyButton>(p => p
            .Add(b => b.Icon, MudBlazor.Icons.Material.Filled.PlayArrow)
            .Add(b => b.OnClick, () => { })
            .AddUnmatched("aria-label", "Run now")
            .AddUnmatched("data-run", "nightly"));

        var element = button.Find("button");
        Assert.Contains("mud-icon-button", element.ClassName, StringComparison.Ordinal);
        Assert.Equal("Run now", element.GetAttribute("aria-label"));
        Assert.Equal("nightly", element.GetAttribute("data-run"));
    }
}
