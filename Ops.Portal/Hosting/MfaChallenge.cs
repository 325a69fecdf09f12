using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace Ops.Portal.Hosting;

/// <summary>
/// Between the password and the second factor: who passed the password, in a protected cookie
/// that expires in five minutes. No session exists until the code is verified.
/// </summary>
internal sealed class MfaChallenge(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = ".Ops.MfaChallenge";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Ops.MfaChallenge").ToTimeLimitedDataProtector();

    public void Issue(HttpContext context, long userId) =>
        context.Response.Cookies.Append(CookieName, Protector.Protect(userId.ToString(CultureInfo.InvariantCulture), clock.GetUtcNow().Add(Lifetime)),
            new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, Secure = context.Request.IsHttps, MaxAge = Lifetime });

    public long? Read(HttpContext context)
    {
        if (context.Request.Cookies[CookieName] is not { } value)
        {
            return null;
        }

        try
        {
            return long.Parse(Protector.Unprotect(value, out var expiration), CultureInfo.InvariantCulture) is var id && expiration > clock.GetUtcNow() ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext context) => context.Response.Cookies.Delete(CookieName);
}
