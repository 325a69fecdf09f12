using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Ops.Domain.Auth;

namespace Ops.Infrastructure.Auth;

/// <summary>
/// OWASP ASVS password rules: 8 to 128 characters, no composition rules, and none of the 10,000 most
/// common passwords (list shipped as an embedded resource, see Auth/Passwords/README.md).
/// </summary>
internal sealed class PasswordPolicyValidator : IPasswordValidator<OpsUser>
{
    public const int MinLength = PasswordRules.MinLength;
    public const int MaxLength = PasswordRules.MaxLength;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(LoadCommonPasswords);

    public static int CommonPasswordCount => CommonPasswords.Value.Count;

    public Task<IdentityResult> ValidateAsync(UserManager<OpsUser> manager, OpsUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"auth.password.too_long|{MaxLength}" });
        }

        if (IsCommon(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "auth.password.too_common" });
        }

        if (!string.IsNullOrEmpty(user.UserName) && string.Equals(password, user.UserName, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordIsUserName", Description = "auth.password.is_username" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    public static bool IsCommon(string password) => CommonPasswords.Value.Contains(password);

    private static HashSet<string> LoadCommonPasswords()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Ops.Infrastructure.common-passwords.txt")
            ?? throw new InvalidOperationException("The common password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        return set;
    }
}
