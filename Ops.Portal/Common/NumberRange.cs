using System.Globalization;
using System.Numerics;
using Microsoft.Extensions.Localization;

namespace Ops.Portal.Common;

/// <summary>
/// The allowed range of a number field, checked instead of clamped: MudNumericField's Min/Max silently replace
/// what was typed (-5 became 1 and was saved), so number fields carry no Min/Max; they take
/// <c>Validation="@NumberRange.Of(T, 1, 86400)"</c> and show the range as their helper text. The services keep refusing
/// the same bounds.
/// </summary>
internal static class NumberRange
{
    public static Func<TNumber, string?> Of<TNumber>(IStringLocalizer text, TNumber? min, TNumber? max)
        where TNumber : struct, INumber<TNumber> =>
        value => (min is { } low && value < low) || (max is { } high && value > high) ? Describe(text, min, max) : null;

    /// <summary>For optional fields: empty is allowed, a value must be in range.</summary>
    public static Func<TNumber?, string?> OfOptional<TNumber>(IStringLocalizer text, TNumber? min, TNumber? max)
        where TNumber : struct, INumber<TNumber> =>
        value => value is { } v ? Of(text, min, max)(v) : null;

    /// <summary>The range in words, for the field's helper text and its error.</summary>
    public static string Describe<TNumber>(IStringLocalizer text, TNumber? min, TNumber? max)
        where TNumber : struct, INumber<TNumber>
    {
        var culture = CultureInfo.CurrentCulture;
        return (min, max) switch
        {
            ({ } low, { } high) => string.Format(culture, text["common.range_between"], low, high),
            ({ } low, null) => string.Format(culture, text["common.range_at_least"], low),
            (null, { } high) => string.Format(culture, text["common.range_at_most"], high),
            _ => "",
        };
    }
}
