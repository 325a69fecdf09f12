using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Ops.Infrastructure.Auth;
using Ops.Portal.Localization;

namespace Ops.Portal.Common;

/// <summary>
/// Identity's errors in the user's language. Our validators put a resource key (and arguments
/// after '|') in the description; Identity's own codes are mapped to keys here.
/// </summary>
internal static class IdentityErrorText
{
    public static string Describe(IStringLocalizer<UiText> text, IdentityError error)
    {
        var parts = error.Description.Split('|');
        var (key, args) = error.Code switch
        {
            "PasswordMismatch" => ("account.change_password.wrong_current", Array.Empty<object>()),
            "PasswordTooShort" => ("auth.password.too_short", [PasswordPolicyValidator.MinLength]),
            "DuplicateUserName" => ("auth.user.duplicate_name", [.. parts.Skip(1)]),
            _ => (parts[0], parts.Skip(1).Cast<object>().ToArray()),
        };
        var localized = text[key];
        return localized.ResourceNotFound ? error.Description : string.Format(CultureInfo.CurrentCulture, localized.Value, args);
    }

    public static string Describe(IStringLocalizer<UiText> text, IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => Describe(text, e)));
}
