using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ops.Infrastructure.Auth;

/// <summary>The outcome of <see cref="AdminBootstrapper.EnsureAdminAsync"/>.</summary>
public sealed record AdminBootstrapResult(bool Created, string UserName, string? GeneratedPassword);

/// <summary>
/// Creates the superuser <c>admin</c> on first start: with the password from
/// <c>OPS_ADMIN_PASSWORD</c>, or a generated one that must be changed at first sign-in. The methods are internal:
/// they create superusers without asking anyone, so only start-up and the <c>create-admin</c> verb may call them.
/// </summary>
public sealed class AdminBootstrapper(UserManager<OpsUser> users, ILogger<AdminBootstrapper> logger)
{
    public const string PasswordVariable = "OPS_ADMIN_PASSWORD";

    internal async Task<AdminBootstrapResult> EnsureAdminAsync(string? configuredPassword)
    {
        // First start only: never re-create an admin that was renamed, disabled or deleted.
        if (await users.Users.IgnoreQueryFilters().AnyAsync(u => u.IsSuperuser || u.NormalizedUserName == "ADMIN"))
        {
            return new AdminBootstrapResult(false, OpsUser.AdminUserName, null);
        }

        var generated = string.IsNullOrEmpty(configuredPassword);
        var password = generated ? GeneratePassword() : configuredPassword!;
        var result = await CreateUserAsync(OpsUser.AdminUserName, password, superuser: true, mustChangePassword: generated);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Cannot create the admin user: {string.Join("; ", result.Errors.Select(e => e.Description))}. " +
                $"Check {PasswordVariable}.");
        }

        logger.LogInformation("Created superuser {UserName} (password {Source})", OpsUser.AdminUserName, generated ? "generated" : "from environment");
        return new AdminBootstrapResult(true, OpsUser.AdminUserName, generated ? password : null);
    }

    internal async Task<IdentityResult> CreateUserAsync(string userName, string password, bool superuser, bool mustChangePassword)
    {
        var user = new OpsUser
        {
            UserName = userName,
            IsSuperuser = superuser,
            IsStaff = superuser,
            IsActive = true,
            MustChangePassword = mustChangePassword,
            EmailConfirmed = true,
            LockoutEnabled = true,
        };
        return await users.CreateAsync(user, password);
    }

    /// <summary>20 characters from an unambiguous alphabet: about 112 bits.</summary>
    public static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 20);
    }
}
