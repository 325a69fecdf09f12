using Bunit;
using MudBlazor;
using Ops.Portal.Components.Shared;

namespace Ops.Portal.Tests.Shared;

/// <summary>A number out of range is kept as typed and named on the field, never silently replaced by the bound.</summary>
public sealed class RangeFieldTests : PortalTestContext
{
    [Theory]
    [InlineData("-5", -5)]
    [InlineData("90000", 90000)]
    public void AnOutOfRangeNumber_IsKept_AndTheFieldSaysWhy(string typed, int expected)
    {
        var value = 30;
        Render<MudPopoverProvider>();
        var cut = Render<RangeField<int>>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.ValueChanged, v => value = v)
            .Add(c => c.Label, "Timeout")
            .Add(c => c.Min, 1)
            .Add(c => c.Max, 86400));

        cut.Find("input").Change(typed);

        Assert.Equal(expected, value);
        cut.WaitForAssertion(() => Assert.Contains("Enter a number from 1 to 86400.", cut.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void ANumberInRange_ShowsOnlyTheRange()
    {
        var value = 30;
        var cut = Render<RangeField<int>>(p => p
            .Add(c => c.Value, value)
            .Add(c => c.ValueChanged, v => value = v)
            .Add(c => c.Min, 1)
            .Add(c => c.Max, 86400));

        cut.Find("input").Change("45");

        Assert.Equal(45, value);
        Assert.DoesNotContain("Enter a number", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("1 – 86400", cut.Markup, StringComparison.Ordinal);
    }
}
