using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Ops.Infrastructure.Auth;
using Ops.Portal.Localization;

namespace Ops.Portal.Common;

/// <summary>Identity's errors in the user's language (<see cref="IdentityErrors"/> maps them to our keys).</summary>
internal static class IdentityErrorText
{
    public static string Describe(IStringLocalizer<UiText> text, IdentityError error)
    {
        var mapped = IdentityErrors.ToError(error);
        return new ErrorText(text).Describe(mapped.Code, mapped.Args);
    }

    public static string Describe(IStringLocalizer<UiText> text, IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => Describe(text, e)));
}
