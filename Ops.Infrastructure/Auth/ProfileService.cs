using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth;

public sealed record MyProfile(
    long Id,
    string UserName,
    string DisplayName,
    string? RealName,
    string? Email,
    string? PhoneNumber,
    string? DepartmentName,
    bool IsSuperuser,
    int LoginCount,
    DateTimeOffset? LastLoginAt,
    DateTimeOffset? PreviousLoginAt,
    string? LastLoginIp,
    string? PreferredTheme,
    string? PreferredCulture,
    int AvatarVersion = 0,
    string? PreferredTimeZone = null);

public sealed record ProfileUpdate(string? RealName, string? Email, string? PhoneNumber);

/// <summary>The signed-in user's own details and preferences. No permission beyond being signed in.</summary>
public interface IProfileService
{
    Task<MyProfile> GetAsync(CancellationToken cancellationToken = default);

    Task<Result> UpdateAsync(ProfileUpdate update, CancellationToken cancellationToken = default);

    Task SetThemeAsync(string theme, CancellationToken cancellationToken = default);

    Task SetCultureAsync(string culture, CancellationToken cancellationToken = default);

    /// <summary>The IANA zone the current user's times are shown in; null or empty follows the browser.</summary>
    Task<Result> SetTimeZoneAsync(string? timeZone, CancellationToken cancellationToken = default);

    /// <summary>The signed-in browsers of the current user; <paramref name="currentSessionId"/> marks this one.</summary>
    Task<IReadOnlyList<SessionInfo>> GetSessionsAsync(string? currentSessionId, CancellationToken cancellationToken = default);

    /// <summary>Signs out every other browser of the current user; returns how many.</summary>
    Task<int> SignOutOtherSessionsAsync(string? currentSessionId, CancellationToken cancellationToken = default);

    Task<MfaStatus> GetMfaStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Replaces the current user's picture (PNG, JPEG or WebP, at most 512 KB).</summary>
    Task<Result> SetAvatarAsync(byte[] content, CancellationToken cancellationToken = default);

    /// <summary>Enabled single sign-on providers and whether the current user is bound to each.</summary>
    Task<IReadOnlyList<SsoBinding>> GetSsoBindingsAsync(CancellationToken cancellationToken = default);

    Task UnbindSsoAsync(SsoKind kind, CancellationToken cancellationToken = default);
}

public sealed record SsoBinding(SsoKind Kind, string DisplayName, bool Bound);

internal sealed class ProfileService(
    IDbContextFactory<OpsDbContext> factory,
    ICurrentUser currentUser,
    IAuditTrail audit,
    SessionService sessions,
    AvatarStore avatars,
    Sso.SsoService sso,
    IServiceProvider services) : IProfileService
{
    public async Task<IReadOnlyList<SsoBinding>> GetSsoBindingsAsync(CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        return (await sso.EnabledAsync(cancellationToken)).Select(b => new SsoBinding(b.Kind, b.DisplayName, b.Kind switch
        {
            SsoKind.WeCom => user.WeComId is not null,
            SsoKind.DingTalk => user.DingTalkId is not null,
            SsoKind.Feishu => user.FeishuId is not null,
            _ => user.OidcSubject is not null,
        })).ToList();
    }

    public async Task UnbindSsoAsync(SsoKind kind, CancellationToken cancellationToken = default) =>
        await sso.UnlinkAsync(await RequireUserAsync(cancellationToken), kind, cancellationToken);

    public async Task<Result> SetAvatarAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        var result = await avatars.SaveAsync(userId, content, cancellationToken);
        if (result.IsSuccess)
        {
            await audit.RecordAsync(new AuditEntry("auth", "profile.avatar", "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        }

        return result;
    }

    public async Task<IReadOnlyList<SessionInfo>> GetSessionsAsync(string? currentSessionId, CancellationToken cancellationToken = default) =>
        await sessions.ListAsync(await RequireUserAsync(cancellationToken), currentSessionId, cancellationToken);

    public async Task<int> SignOutOtherSessionsAsync(string? currentSessionId, CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        var count = await sessions.RevokeAsync(userId, except: currentSessionId ?? "", cancellationToken: cancellationToken);
        await audit.RecordAsync(new AuditEntry("auth", "session.sign_out_others", "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: $"{count} sessions"), cancellationToken);
        return count;
    }

    public async Task<MfaStatus> GetMfaStatusAsync(CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        await using var scope = services.CreateSystemScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OpsUser>>();
        var user = await users.FindByIdAsync(userId.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? throw new DomainException("auth.user.not_found");
        return await scope.ServiceProvider.GetRequiredService<MfaService>().StatusOfAsync(user);
    }

    public static readonly IReadOnlySet<string> Themes = new HashSet<string>(StringComparer.Ordinal) { "light", "dark" };

    public async Task<MyProfile> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var profile = await (
            from u in db.Users.AsNoTracking()
            where u.Id == userId
            join d in db.Departments on u.DepartmentId equals d.Id into departments
            from d in departments.DefaultIfEmpty()
            select new MyProfile(u.Id, u.UserName!, u.RealName ?? u.UserName!, u.RealName, u.Email, u.PhoneNumber, d.Name,
                u.IsSuperuser, u.LoginCount, u.LastLoginAt, u.PreviousLoginAt, u.LastLoginIp, u.PreferredTheme, u.PreferredCulture, u.AvatarVersion, u.PreferredTimeZone))
            .SingleOrDefaultAsync(cancellationToken);
        return profile ?? throw new DomainException("auth.user.not_found");
    }

    public async Task<Result> UpdateAsync(ProfileUpdate update, CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        var realName = update.RealName?.Trim();
        if (realName is { Length: > OpsUser.RealNameMaxLength })
        {
            return Error.Invalid("auth.profile.real_name_too_long", OpsUser.RealNameMaxLength).On("profile.real_name");
        }

        var email = string.IsNullOrWhiteSpace(update.Email) ? null : update.Email.Trim();
        if (email is not null && !TextRules.IsEmail(email))
        {
            return Error.Invalid("auth.profile.email_invalid").On("profile.email");
        }

        var phone = string.IsNullOrWhiteSpace(update.PhoneNumber) ? null : update.PhoneNumber.Trim();
        if (phone is not null && !TextRules.IsPhone(phone))
        {
            return Error.Invalid("auth.profile.phone_invalid").On("profile.phone");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var normalizedEmail = email?.ToUpperInvariant();
        if (normalizedEmail is not null && await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail && u.Id != userId, cancellationToken))
        {
            return Error.Conflict("auth.user.duplicate_email", email!).On("profile.email");
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (!string.Equals(user.NormalizedEmail, normalizedEmail, StringComparison.Ordinal))
        {
            // A changed address must be confirmed again before it can be trusted (SSO matching).
            user.EmailConfirmed = false;
        }

        user.RealName = string.IsNullOrEmpty(realName) ? null : realName;
        user.Email = email;
        user.NormalizedEmail = normalizedEmail;
        if (!string.Equals(user.PhoneNumber, phone, StringComparison.Ordinal))
        {
            user.PhoneNumberConfirmed = false;
        }

        user.PhoneNumber = phone;
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("auth", "profile.update", "user", userId.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        return Result.Success();
    }

    public Task SetThemeAsync(string theme, CancellationToken cancellationToken = default) =>
        Themes.Contains(theme)
            ? SetPreferenceAsync(u => u.PreferredTheme = theme, cancellationToken)
            : throw new DomainException("auth.profile.theme_invalid", theme);

    public Task SetCultureAsync(string culture, CancellationToken cancellationToken = default) =>
        SetPreferenceAsync(u => u.PreferredCulture = culture, cancellationToken);

    public async Task<Result> SetTimeZoneAsync(string? timeZone, CancellationToken cancellationToken = default)
    {
        var userId = await RequireUserAsync(cancellationToken);
        var zone = string.IsNullOrWhiteSpace(timeZone) ? null : TimeZones.Find(timeZone)?.Id;
        if (!string.IsNullOrWhiteSpace(timeZone) && zone is null)
        {
            return Error.Invalid("auth.profile.time_zone_invalid", timeZone.Trim());
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.PreferredTimeZone = zone;
        await db.SaveChangesAsync(cancellationToken);
        return Result.Success();
    }

    private async Task SetPreferenceAsync(Action<OpsUser> apply, CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        if (actor.UserId is not { } userId)
        {
            return;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        apply(user);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<long> RequireUserAsync(CancellationToken cancellationToken)
    {
        var actor = await currentUser.GetActorAsync(cancellationToken);
        return actor is { IsAuthenticated: true, UserId: { } id } ? id : throw new ForbiddenException("authenticated");
    }
}
