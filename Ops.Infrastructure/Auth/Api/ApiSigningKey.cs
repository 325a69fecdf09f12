using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Ops.Domain.Config;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Auth.Api;

/// <summary>
/// The HMAC key that signs the API's access tokens: 256 random bits made by the first node that needs it, kept as an
/// encrypted system setting (Data Protection, keys in the database), so every node of a cluster signs and checks
/// with the same key. Read once per process.
/// </summary>
internal sealed class ApiSigningKey(IServiceScopeFactory scopes)
{
    public const string SettingKey = "security.api_signing_key";
    private const string Purpose = "Ops.Settings";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SymmetricSecurityKey? _key;

    public async ValueTask<SymmetricSecurityKey> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_key is { } key)
        {
            return key;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            return _key ??= new SymmetricSecurityKey(await LoadOrCreateAsync(cancellationToken)) { KeyId = "ops-1" };
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<byte[]> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<OpsDbContext>>();
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
        if (await ReadAsync(factory, protector, cancellationToken) is { } existing)
        {
            return existing;
        }

        var secret = RandomNumberGenerator.GetBytes(32);
        try
        {
            await using var db = await factory.CreateDbContextAsync(cancellationToken);
            db.SystemSettings.Add(new SystemSetting(SettingKey, "security", protector.Protect(JsonSerializer.Serialize(Convert.ToBase64String(secret))), isEncrypted: true));
            await db.SaveChangesAsync(cancellationToken);
            return secret;
        }
        catch (DbUpdateException)
        {
            // Another node made it first: use theirs.
            return await ReadAsync(factory, protector, cancellationToken) ?? throw new InvalidOperationException("The API signing key could not be stored.");
        }
    }

    private static async Task<byte[]?> ReadAsync(IDbContextFactory<OpsDbContext> factory, IDataProtector protector, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SystemSettings.AsNoTracking().Where(s => s.Key == SettingKey).Select(s => s.Value).SingleOrDefaultAsync(cancellationToken);
        return stored is null ? null : Convert.FromBase64String(JsonSerializer.Deserialize<string>(protector.Unprotect(stored))!);
    }
}
