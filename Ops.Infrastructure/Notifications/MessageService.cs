using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
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
        var users = await db.Users.AsNoTracking().Where(u => request.UserIds.Contains(u.Id) && u.IsActive)
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

            queued.Add(new MessageLog(template.Channel, address!, userId, template.Code, rendered.Value.Subject, rendered.Value.Content,
                request.BusinessType, request.BusinessId, request.IdempotencyKey, now));
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

        return queued.Count;
    }

    /// <summary>Where a user is reached on a channel; robots and webhooks use the channel's own target.</summary>
    private static string? AddressOf(MessageChannel channel, long userId, string? email, string? phone) => channel switch
    {
        MessageChannel.Email => email,
        MessageChannel.Sms => phone,
        MessageChannel.InApp => userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "default",
    };
}
