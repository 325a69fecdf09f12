using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Config;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Config;

/// <summary>
/// Typed access to system settings. Encrypted ones go through Data Protection (keys in the
/// database); their plain value never leaves the server. Both methods are internal: the store checks
/// nothing, so only module services that demand their own permission (channels, registration) and the
/// senders read or write through it.
/// </summary>
public sealed class SettingsStore(IDbContextFactory<OpsDbContext> factory, IDataProtectionProvider protection)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDataProtector Protector => protection.CreateProtector("Ops.Settings");

    internal async Task<T> GetAsync<T>(string key, T fallback, CancellationToken cancellationToken = default)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var setting = await db.SystemSettings.AsNoTracking().SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            return fallback;
        }

        var json = setting.IsEncrypted ? Protector.Unprotect(setting.Value) : setting.Value;
        return JsonSerializer.Deserialize<T>(json, Json) ?? fallback;
    }

    internal async Task SetAsync<T>(string key, string category, T value, bool encrypt = false, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.Serialize(value, Json);
        var stored = encrypt ? Protector.Protect(json) : json;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var setting = await db.SystemSettings.SingleOrDefaultAsync(s => s.Key == key, cancellationToken);
        if (setting is null)
        {
            db.SystemSettings.Add(new SystemSetting(key, category, stored, encrypt));
        }
        else
        {
            setting.Change(stored);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
