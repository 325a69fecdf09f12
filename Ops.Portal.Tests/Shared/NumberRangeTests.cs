using Bunit;
using MudBlazor;
using Ops.Portal.Common;

namespace Ops.Portal.Tests.Shared;

/// <summary>Number fields refuse an out-of-range number on the field, saying the range, and keep what was typed.</summary>
public sealed class NumberRangeTests : PortalTestContext
{
    [Fact]
    public void ANegativeTimeout_IsKept_AndNamedOnTheField_WithTheRange()
    {
        var text = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Ops.Portal.Localization.UiText>>();
        var value = 300;
        var field = Render<MudNumericField<int>>(p => p
            .Add(f => f.Value, value)
            .Add(f => f.ValueChanged, v => value = v)
            .Add(f => f.Validation, NumberRange.Of<int>(text, 1, 86_400)));

        field.Find("input").Change("-5");

        field.WaitForAssertion(() => Assert.Contains("Enter a number from 1 to 86400.", field.Markup, StringComparison.Ordinal));
        Assert.Equal(-5, value);
        Assert.Contains("mud-input-error", field.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyOptionalField_IsValid_AndAnOutOfRangeOneIsNot()
    {
        var text = Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Ops.Portal.Localization.UiText>>();
        var check = NumberRange.OfOptional<int>(text, 0, 10);

        Assert.Null(check(null));
        Assert.Null(check(10));
        Assert.Equal("Enter a number from 0 to 10.", check(11));
    }
}
