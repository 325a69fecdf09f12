using System.Text.RegularExpressions;

namespace Ops.Domain.Common;

/// <summary>Shared input checks that produce localizable errors.</summary>
public static partial class TextRules
{
    /// <summary>Trimmed, non-empty and at most <paramref name="max"/> characters, else an error naming the field.</summary>
    public static Result<string> Required(string? value, int max, string field)
    {
        var trimmed = (value ?? "").Trim();
        if (trimmed.Length == 0)
        {
            return Error.Invalid("common.required", field);
        }

        return trimmed.Length > max ? Error.Invalid("common.too_long", field, max) : trimmed;
    }

    /// <summary>Null when empty; an error when longer than <paramref name="max"/>.</summary>
    public static Result<string?> Optional(string? value, int max, string field)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return Result<string?>.Success(null);
        }

        return trimmed.Length > max ? Error.Invalid("common.too_long", field, max) : Result<string?>.Success(trimmed);
    }

    /// <summary>Codes: letters, digits, '-', '_' and '.', starting with a letter or digit.</summary>
    public static Result<string> Code(string? value, int max, string field)
    {
        var required = Required(value, max, field);
        if (required.IsFailure)
        {
            return required;
        }

        return CodePattern().IsMatch(required.Value) ? required : Error.Invalid("common.code_invalid", field);
    }

    public static bool IsEmail(string value) => EmailPattern().IsMatch(value) && value.Length <= 256;

    /// <summary>Mainland mobile numbers (11 digits starting with 1) or international +digits.</summary>
    public static bool IsPhone(string value) => PhonePattern().IsMatch(value);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^(1\d{10}|\+\d{6,15})$")]
    private static partial Regex PhonePattern();
}
