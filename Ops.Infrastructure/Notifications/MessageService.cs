using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Auth;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

internal sealed class MessageService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, TimeProvider clock) : IMessageService
{
    public async Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Notifications.Send, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Code == request.TemplateCode, cancellationToken);
        if (template is null || !template.Enabled)
        {
            return Error.NotFound("message.template.not_found");
        }

        var input = TemplateService.ToInput(template);
        var userIds = await RecipientIdsAsync(db, request, cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.IsActive)
            .Select(u => new { u.Id, u.Email, u.PhoneNumber, u.PreferredCulture }).ToListAsync(cancellationToken);
        var targets = users.Select(u => (Address: AddressOf(template.Channel, u.Id, u.Email, u.PhoneNumber), UserId: (long?)u.Id,
                English: u.PreferredCulture?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true))
            .Concat(request.Addresses.Select(a => (Address: (string?)a.Trim(), UserId: (long?)null, English: false)))
            .Where(t => !string.IsNullOrEmpty(t.Address))
            .DistinctBy(t => t.Address)
            .ToList();
        if (targets.Count == 0)
        {
            return Error.Invalid("message.send.no_recipients");
        }

        var now = clock.GetUtcNow();
        var blacklist = await db.Blacklist.AsNoTracking().Where(b => b.Channel == template.Channel && (b.ExpiresAt == null || b.ExpiresAt > now)).ToListAsync(cancellationToken);
        var targetUsers = targets.Where(t => t.UserId is not null).Select(t => t.UserId!.Value).ToList();
        var optedOut = (await db.NotificationSettings.AsNoTracking()
            .Where(s => targetUsers.Contains(s.UserId) && s.Type == request.Type && s.Channel == template.Channel && !s.Enabled)
            .Select(s => s.UserId).ToListAsync(cancellationToken)).ToHashSet();
        var queued = new List<MessageLog>();
        foreach (var (address, userId, english) in targets)
        {
            var rendered = TemplateRules.Render(input, request.Variables, english);
            if (rendered.IsFailure)
            {
                return rendered.Error!;
            }

            if (request.IdempotencyKey is { } key
                && await db.MessageLogs.AnyAsync(m => m.IdempotencyKey == key && m.Channel == template.Channel && m.Recipient == address, cancellationToken))
            {
                continue;
            }

            var message = new MessageLog(template.Channel, address!, userId, template.Code, rendered.Value.Subject, rendered.Value.Content,
                request.BusinessType, request.BusinessId, request.IdempotencyKey, now);

            // Suppressed sends are logged, not silently dropped: the log says why nothing went out.
            if (blacklist.FirstOrDefault(b => b.Blocks(template.Channel, address!, userId, now)) is { } entry)
            {
                message.Block($"blacklist: {entry.Reason}");
            }
            else if (userId is { } id && optedOut.Contains(id))
            {
                message.Block("user settings: turned off");
            }

            queued.Add(message);
        }

        db.MessageLogs.AddRange(queued);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (Common.UniqueViolation.Is(ex))
        {
            // A concurrent send with the same key won: this one queues nothing.
            return 0;
        }

        return queued.Count(m => m.Status == MessageStatus.Pending);
    }

    /// <summary>Where a user is reached on a channel; robots and webhooks use the channel's own target.</summary>
    /// <summary>The named users, the members of the roles, and everyone in the departments' subtrees.</summary>
    private static async Task<List<long>> RecipientIdsAsync(OpsDbContext db, SendRequest request, CancellationToken cancellationToken)
    {
        var ids = request.UserIds.ToHashSet();
        if (request.RoleIds is { Count: > 0 } roles)
        {
            ids.UnionWith(await db.UserRoles.Where(r => roles.Contains(r.RoleId)).Select(r => r.UserId).ToListAsync(cancellationToken));
        }

        foreach (var department in request.DepartmentIds ?? [])
        {
            var subtree = DepartmentPaths.DescendantIds(db, department);
            ids.UnionWith(await db.Users.Where(u => u.DepartmentId != null && subtree.Contains(u.DepartmentId.Value)).Select(u => u.Id).ToListAsync(cancellationToken));
        }

        return ids.ToList();
    }

    private static string? AddressOf(MessageChannel channel, long userId, string? email, string? phone) => channel switch
    {
        MessageChannel.Email => email,
        MessageChannel.Sms => phone,
        MessageChannel.InApp => userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "default",
    };
}
