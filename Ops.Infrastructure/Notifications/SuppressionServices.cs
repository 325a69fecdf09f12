using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

internal sealed class BlacklistService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, IAuditTrail audit, TimeProvider clock) : IBlacklistService
{
    public async Task<IReadOnlyList<BlacklistRow>> ListAsync(CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Blacklist.Manage, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Blacklist.AsNoTracking().OrderByDescending(b => b.Id).ToListAsync(cancellationToken);
        return rows.Select(b => new BlacklistRow(b.Id, b.Channel, b.Address, b.UserId, b.Reason, b.ExpiresAt, b.CreatedAt)).ToList();
    }

    public async Task<Result<long>> AddAsync(BlacklistInput input, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Blacklist.Manage, cancellationToken);
        var address = string.IsNullOrWhiteSpace(input.Address) ? null : input.Address.Trim();
        if ((address is null) == (input.UserId is null))
        {
            return Error.Invalid("message.blacklist.address_or_user");
        }

        if (TextRules.Required(input.Reason, 256, "field.reason") is { IsFailure: true } reason)
        {
            return reason.Error!;
        }

        if (input.ExpiresAt is { } expires && expires <= clock.GetUtcNow())
        {
            return Error.Invalid("message.blacklist.expired");
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var entry = new BlacklistEntry(input.Channel, address, input.UserId, input.Reason.Trim(), input.ExpiresAt, clock.GetUtcNow());
        db.Blacklist.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(new AuditEntry("message", "blacklist.add", "blacklist", entry.Id.ToString(CultureInfo.InvariantCulture), Detail: $"{input.Channel} {address ?? input.UserId?.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);
        return entry.Id;
    }

    public async Task<Result> RemoveAsync(long id, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Blacklist.Manage, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var removed = await db.Blacklist.Where(b => b.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
        {
            return Error.NotFound("message.blacklist.not_found");
        }

        await audit.RecordAsync(new AuditEntry("message", "blacklist.remove", "blacklist", id.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return Result.Success();
    }
}

internal sealed class NotificationSettingsService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard) : INotificationSettingsService
{
    public async Task<IReadOnlyDictionary<(NotificationType Type, MessageChannel Channel), bool>> GetAsync(CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var stored = await db.NotificationSettings.AsNoTracking().Where(s => s.UserId == userId).ToListAsync(cancellationToken);
        return Enum.GetValues<NotificationType>()
            .SelectMany(t => Enum.GetValues<MessageChannel>().Select(c => (t, c)))
            .ToDictionary(k => k, k => stored.FirstOrDefault(s => s.Type == k.t && s.Channel == k.c)?.Enabled ?? true);
    }

    public async Task SetAsync(NotificationType type, MessageChannel channel, bool enabled, CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var setting = await db.NotificationSettings.SingleOrDefaultAsync(s => s.UserId == userId && s.Type == type && s.Channel == channel, cancellationToken);
        if (setting is null)
        {
            db.NotificationSettings.Add(new UserNotificationSetting(userId, type, channel, enabled));
        }
        else
        {
            setting.Enabled = enabled;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
