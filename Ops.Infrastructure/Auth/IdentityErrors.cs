using Microsoft.AspNetCore.Identity;
using Ops.Domain.Common;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// Identity's errors as ours: our validators carry "key|arg" in the description; Identity's own codes are mapped to
/// keys here.
/// </summary>
public static class IdentityErrors
{
    /// <summary>The first error of <paramref name="result"/>.</summary>
    public static Error ToError(IdentityResult result) => ToError(result.Errors.First());

    public static Error ToError(IdentityError error)
    {
        var parts = error.Description.Split('|');
        return error.Code switch
        {
            "PasswordMismatch" => Error.Invalid("account.change_password.wrong_current").On("field.current_password"),
            "PasswordTooShort" => Error.Invalid("auth.password.too_short", PasswordPolicyValidator.MinLength),
            "DuplicateUserName" => Error.Conflict("auth.user.duplicate_name", parts[0]).On("field.user_name"),
            "InvalidUserName" => Error.Invalid("common.code_invalid", "field.user_name"),
            _ when parts[0].Contains('.', StringComparison.Ordinal) => Error.Invalid(parts[0], [.. parts.Skip(1)]),
            _ => Error.Invalid("auth.identity_error", error.Description),
        };
    }
}
