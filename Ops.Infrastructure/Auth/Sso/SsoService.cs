using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth.Sso;

public sealed record SsoButton(SsoKind Kind, string DisplayName);

/// <summary>A provider as the settings page shows it: the secret only as "set" or not.</summary>
public sealed record SsoProviderView(
    SsoKind Kind, bool Enabled, string DisplayName, string ClientId, string? AgentId, bool HasSecret, string? Authority, string? Scopes,
    bool AllowEmailMatch, bool AllowPhoneMatch, int Version);

/// <summary>An edit of a provider; a null <see cref="NewSecret"/> keeps the stored one.</summary>
public sealed record SsoProviderInput(
    bool Enabled, string DisplayName, string ClientId, string? AgentId, string? NewSecret, string? Authority, string? Scopes,
    bool AllowEmailMatch, bool AllowPhoneMatch);

/// <summary>Single sign-on: provider settings, the start of a sign-in, and matching the answer to a user.</summary>
public sealed class SsoService(
    IDbContextFactory<OpsDbContext> factory,
    IEnumerable<ISsoConnector> connectors,
    IDataProtectionProvider protection,
    IPermissionGuard guard,
    IAuditTrail audit)
{
    private IDataProtector Protector => protection.CreateProtector("Ops.Sso.Secret");

    public async Task<IReadOnlyList<SsoButton>> EnabledAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.SsoProviders.AsNoTracking().Where(p => p.Enabled).OrderBy(p => p.Kind)
            .Select(p => new SsoButton(p.Kind, p.DisplayName)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SsoProviderView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Sso.Manage, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SsoProviders.AsNoTracking().ToDictionaryAsync(p => p.Kind, cancellationToken);
        return Enum.GetValues<SsoKind>().Select(kind => stored.GetValueOrDefault(kind) is { } p
            ? new SsoProviderView(kind, p.Enabled, p.DisplayName, p.ClientId, p.AgentId, p.ProtectedSecret is not null, p.Authority, p.Scopes, p.AllowEmailMatch, p.AllowPhoneMatch, p.Version)
            : new SsoProviderView(kind, false, kind.ToString(), "", null, false, null, null, false, false, 0)).ToList();
    }

    public async Task<Result> SaveAsync(SsoKind kind, SsoProviderInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(SystemPermissions.Sso.Manage, cancellationToken);
        var problem = Validate(kind, input);
        if (problem is not null)
        {
            return problem;
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var provider = await db.SsoProviders.SingleOrDefaultAsync(p => p.Kind == kind, cancellationToken);
        if (provider is null)
        {
            db.SsoProviders.Add(provider = new SsoProvider(kind));
        }

        // A secret belongs to one client at one address: moving either drops it, so the stored
        // secret can never be sent to a server an administrator just typed in.
        if (provider.ClientId != input.ClientId.Trim() || provider.Authority != Blank(input.Authority)?.TrimEnd('/'))
        {
            provider.ProtectedSecret = null;
        }

        if (!string.IsNullOrEmpty(input.NewSecret))
        {
            provider.ProtectedSecret = Protector.Protect(input.NewSecret.Trim());
        }

        if (input.Enabled && provider.ProtectedSecret is null)
        {
            return Error.Invalid("auth.sso.secret_required");
        }

        (provider.Enabled, provider.DisplayName, provider.ClientId, provider.AgentId) = (input.Enabled, input.DisplayName.Trim(), input.ClientId.Trim(), Blank(input.AgentId));
        (provider.Authority, provider.Scopes, provider.AllowEmailMatch, provider.AllowPhoneMatch) = (Blank(input.Authority)?.TrimEnd('/'), Blank(input.Scopes), input.AllowEmailMatch, input.AllowPhoneMatch);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("system", "sso.configure", "sso_provider", kind.ToString()), cancellationToken);
        return Result.Success();
    }

    /// <summary>A fresh challenge and the provider's authorize address; unknown or disabled providers are refused.</summary>
    public async Task<(string Url, SsoChallenge Challenge)> BeginAsync(SsoKind kind, string redirectUri, CancellationToken cancellationToken = default)
    {
        var settings = await SettingsAsync(kind, cancellationToken);
        var challenge = new SsoChallenge(Random(16), Random(16), Random(32));
        return (await Connector(kind).AuthorizeUrlAsync(settings, redirectUri, challenge, cancellationToken), challenge);
    }

    /// <summary>Redeems the callback and finds the user: by the stored provider id, else by verified e-mail or phone when allowed.</summary>
    public async Task<Result<OpsUser>> CompleteAsync(
        SsoKind kind, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken = default)
    {
        if (callback.GetValueOrDefault("state") != challenge.State)
        {
            return Error.Invalid("auth.sso.state");
        }

        var settings = await SettingsAsync(kind, cancellationToken);
        var identity = await Connector(kind).RedeemAsync(settings, callback, redirectUri, challenge, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var provider = await db.SsoProviders.AsNoTracking().SingleAsync(p => p.Kind == kind, cancellationToken);
        var user = await SsoLinks.ByProviderId(db.Users, kind, identity.ProviderUserId).SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            user = await MatchAsync(db, provider, identity, cancellationToken);
            if (user is null)
            {
                return Error.NotFound("auth.sso.unknown_user", identity.Name ?? identity.ProviderUserId);
            }

            SsoLinks.Set(user, kind, identity.ProviderUserId);
            await db.SaveChangesAsync(cancellationToken);
        }

        return user;
    }

    /// <summary>
    /// Binds the provider account to the signed-in caller (from the profile); one user per provider account. The user is
    /// the caller, never a parameter: a link started by one user cannot be completed into another's account.
    /// </summary>
    public async Task<Result> LinkAsync(SsoKind kind, IReadOnlyDictionary<string, string> callback, string redirectUri, SsoChallenge challenge, CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        if (callback.GetValueOrDefault("state") != challenge.State)
        {
            return Error.Invalid("auth.sso.state");
        }

        var identity = await Connector(kind).RedeemAsync(await SettingsAsync(kind, cancellationToken), callback, redirectUri, challenge, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        if (await SsoLinks.ByProviderId(db.Users, kind, identity.ProviderUserId).AnyAsync(u => u.Id != userId, cancellationToken))
        {
            return Error.Conflict("auth.sso.linked_elsewhere");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return Error.NotFound("auth.user.not_found");
        }

        SsoLinks.Set(user, kind, identity.ProviderUserId);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("auth", "sso.link", "user", userId.ToString(CultureInfo.InvariantCulture), Detail: kind.ToString()), cancellationToken);
        return Result.Success();
    }

    /// <summary>Internal: <see cref="IProfileService.UnbindSsoAsync"/> is the caller's way to unbind themselves.</summary>
    internal async Task UnlinkAsync(long userId, SsoKind kind, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        SsoLinks.Set(user, kind, null);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("auth", "sso.unlink", "user", userId.ToString(CultureInfo.InvariantCulture), Detail: kind.ToString()), cancellationToken);
    }

    private static async Task<OpsUser?> MatchAsync(OpsDbContext db, SsoProvider provider, SsoIdentity identity, CancellationToken cancellationToken)
    {
        // Only addresses both sides verified, and never the accounts that matter most.
        var candidates = db.Users.Where(u => !u.IsSuperuser && !u.TwoFactorEnabled);
        if (provider.AllowEmailMatch && identity.EmailVerified && identity.Email is { } email)
        {
            var normalized = email.ToUpperInvariant();
            var byEmail = await candidates.Where(u => u.NormalizedEmail == normalized && u.EmailConfirmed).Take(2).ToListAsync(cancellationToken);
            if (byEmail.Count == 1)
            {
                return byEmail[0];
            }
        }

        if (provider.AllowPhoneMatch && identity.Phone is { } phone)
        {
            var byPhone = await candidates.Where(u => u.PhoneNumber == phone && u.PhoneNumberConfirmed).Take(2).ToListAsync(cancellationToken);
            if (byPhone.Count == 1)
            {
                return byPhone[0];
            }
        }

        return null;
    }

    private async Task<SsoProviderSettings> SettingsAsync(SsoKind kind, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var provider = await db.SsoProviders.AsNoTracking().SingleOrDefaultAsync(p => p.Kind == kind && p.Enabled, cancellationToken)
            ?? throw new SsoException("sso_disabled", $"{kind} is not enabled");
        return new SsoProviderSettings(kind, provider.ClientId, provider.AgentId, Protector.Unprotect(provider.ProtectedSecret!), provider.Authority, provider.Scopes);
    }

    private ISsoConnector Connector(SsoKind kind) => connectors.Single(c => c.Kind == kind);

    private static Error? Validate(SsoKind kind, SsoProviderInput input)
    {
        if (TextRules.Required(input.DisplayName, 64, "field.name") is { IsFailure: true } name)
        {
            return name.Error;
        }

        if (input.Enabled && string.IsNullOrWhiteSpace(input.ClientId))
        {
            return Error.Invalid("common.required", "field.client_id");
        }

        if (kind == SsoKind.WeCom && input.Enabled && string.IsNullOrWhiteSpace(input.AgentId))
        {
            return Error.Invalid("common.required", "field.agent_id");
        }

        var authority = Blank(input.Authority);
        if ((kind == SsoKind.Oidc && input.Enabled && authority is null)
            || (authority is not null && (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))))
        {
            return Error.Invalid("auth.sso.authority_invalid");
        }

        return null;
    }

    private static string Random(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Where each provider's id lives on the user.</summary>
internal static class SsoLinks
{
    public static IQueryable<OpsUser> ByProviderId(IQueryable<OpsUser> users, SsoKind kind, string id) => kind switch
    {
        SsoKind.WeCom => users.Where(u => u.WeComId == id),
        SsoKind.DingTalk => users.Where(u => u.DingTalkId == id),
        SsoKind.Feishu => users.Where(u => u.FeishuId == id),
        _ => users.Where(u => u.OidcSubject == id),
    };

    public static void Set(OpsUser user, SsoKind kind, string? id)
    {
        switch (kind)
        {
            case SsoKind.WeCom: user.WeComId = id; break;
            case SsoKind.DingTalk: user.DingTalkId = id; break;
            case SsoKind.Feishu: user.FeishuId = id; break;
            default: user.OidcSubject = id; break;
        }
    }
}
