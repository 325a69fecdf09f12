using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Ops.Infrastructure.Auth;

public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    LockedOut,
    Disabled,
    InvalidCredentials,
}

public sealed record SignInAttempt(SignInOutcome Outcome, DateTimeOffset? LockedUntil = null, OpsUser? User = null);

/// <summary>Password sign-in by user name or e-mail, with lockout and the login counters.</summary>
public sealed class SignInService(SignInManager<OpsUser> signInManager, UserManager<OpsUser> users, TimeProvider clock)
{
    public async Task<SignInAttempt> PasswordSignInAsync(string login, string password, bool rememberMe, string? ipAddress)
    {
        var user = await FindByLoginAsync(login);
        if (user is null)
        {
            return new SignInAttempt(SignInOutcome.InvalidCredentials);
        }

        if (!user.IsActive)
        {
            return new SignInAttempt(SignInOutcome.Disabled, User: user);
        }

        var result = await signInManager.PasswordSignInAsync(user, password, rememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await RecordSuccessAsync(user, ipAddress);
            return new SignInAttempt(SignInOutcome.Succeeded, User: user);
        }

        if (result.RequiresTwoFactor)
        {
            return new SignInAttempt(SignInOutcome.RequiresTwoFactor, User: user);
        }

        if (result.IsLockedOut)
        {
            return new SignInAttempt(SignInOutcome.LockedOut, await users.GetLockoutEndDateAsync(user), user);
        }

        return new SignInAttempt(SignInOutcome.InvalidCredentials, User: user);
    }

    public async Task RecordSuccessAsync(OpsUser user, string? ipAddress)
    {
        user.PreviousLoginAt = user.LastLoginAt;
        user.LastLoginAt = clock.GetUtcNow();
        user.LastLoginIp = ipAddress;
        user.LoginCount++;
        await users.UpdateAsync(user);
    }

    private async Task<OpsUser?> FindByLoginAsync(string login)
    {
        login = (login ?? "").Trim();
        if (login.Length == 0)
        {
            return null;
        }

        var user = await users.FindByNameAsync(login);
        if (user is null && login.Contains('@', StringComparison.Ordinal))
        {
            var normalized = users.NormalizeEmail(login);
            user = await users.Users.Where(u => u.NormalizedEmail == normalized).OrderBy(u => u.Id).FirstOrDefaultAsync();
        }

        return user;
    }
}
