using Ops.Domain.Common;

namespace Ops.Domain.Auth;

/// <summary>
/// OWASP ASVS password rules that need no data: 8 to 128 characters and no composition rules. The common-password
/// list and the comparison with the user name are checked where the user is known (the Identity validator).
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>The length rule alone: too short or too long, else success.</summary>
    public static Result CheckLength(string password) =>
        password.Length < MinLength ? Error.Invalid("auth.password.too_short", MinLength)
        : password.Length > MaxLength ? Error.Invalid("auth.password.too_long", MaxLength)
        : Result.Success();

    /// <summary>
    /// A change of one's own password before it reaches the store: both passwords given, the confirmation typed the
    /// same, the new one different from the current one, and long enough. Whether the current one is right is the
    /// store's to say.
    /// </summary>
    public static Result CheckChange(string? current, string? next, string? confirmation)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
        {
            return Error.Invalid("account.change_password.required");
        }

        if (!string.Equals(next, confirmation, StringComparison.Ordinal))
        {
            return Error.Invalid("account.change_password.mismatch");
        }

        return string.Equals(next, current, StringComparison.Ordinal)
            ? Error.Invalid("account.change_password.same")
            : CheckLength(next);
    }
}
