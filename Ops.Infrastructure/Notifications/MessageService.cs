using Microsoft.EntityFrameworkCore;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

internal sealed class MessageService(IDbContextFactory<OpsDbContext> factory, IPermissionGuard guard, TimeProvider clock) : IMessageService
{
    /// <summary>Recipients one send may reach after roles and departments are expanded.</summary>
    public const int MaxRecipients = NotificationService.MaxRecipients;

    /// <summary>Rounds against concurrent sends with the same idempotency key before giving up.</summary>
    private const int KeyClashRounds = 3;

    public async Task<Result<int>> SendAsync(SendRequest request, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Notifications.Send, cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var template = await db.MessageTemplates.AsNoTracking().SingleOrDefaultAsync(t => t.Code == request.TemplateCode, cancellationToken);
        if (template is null || !template.Enabled)
        {
            return Error.NotFound("message.template.not_found");
        }

        if (request.Link is { } link && !Notification.IsLink(link))
        {
            return Error.Invalid("message.notification.link_invalid");
        }

        var targets = await MessageRecipients.ResolveAsync(db, template.Channel, request, cancellationToken);
        if (targets.Count == 0)
        {
            return Error.Invalid("message.send.no_recipients");
        }

        if (targets.Count > MaxRecipients)
        {
            return Error.Invalid("message.notification.recipients", MaxRecipients);
        }

        // Two renderings at most (zh-CN and en-US), checked before anything is written.
        var input = TemplateService.ToInput(template);
        var chinese = TemplateRules.Render(input, request.Variables, english: false);
        var english = TemplateRules.Render(input, request.Variables, english: true);
        if (chinese.IsFailure || english.IsFailure)
        {
            return chinese.Error ?? english.Error!;
        }

        var now = clock.GetUtcNow();
        var suppression = await SendSuppression.LoadAsync(db, template.Channel, request.Type, targets, now, cancellationToken);
        for (var round = 1; ; round++)
        {
            await using var write = await factory.CreateDbContextAsync(cancellationToken);
            var alreadySent = await AlreadyQueuedAsync(write, request.IdempotencyKey, template.Channel, cancellationToken);
            var queued = targets.Where(t => !alreadySent.Contains(t.Address)).Select(t =>
            {
                var rendered = t.English ? english.Value : chinese.Value;
                var message = new MessageLog(template.Channel, t.Address, t.UserId, template.Code, rendered.Subject, rendered.Content,
                    request.BusinessType, request.BusinessId, request.IdempotencyKey, now, request.Type);
                message.Leads(request.Link, request.Level);
                if (suppression.ReasonFor(t) is { } reason)
                {
                    // Suppressed sends are logged, not silently dropped: the log says why nothing went out.
                    message.Block(reason);
                }

                return message;
            }).ToList();
            write.MessageLogs.AddRange(queued);

            // A concurrent send with the same key took some recipients: reload the keys and queue the rest.
            if (await Common.UniqueViolation.TrySaveAsync(write, cancellationToken))
            {
                return queued.Count(m => m.Status == MessageStatus.Pending);
            }

            if (round == KeyClashRounds)
            {
                return Error.Conflict("message.send.busy");
            }
        }
    }

    /// <summary>Recipients this idempotency key has already queued on the channel: one query for the whole send.</summary>
    private static async Task<HashSet<string>> AlreadyQueuedAsync(OpsDbContext db, string? key, MessageChannel channel, CancellationToken cancellationToken) =>
        key is null
            ? []
            : (await db.MessageLogs.Where(m => m.IdempotencyKey == key && m.Channel == channel).Select(m => m.Recipient).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);

    /// <summary>Blacklist entries and opt-outs that apply to this send, loaded once.</summary>
    private sealed record SendSuppression(List<BlacklistEntry> Blacklist, HashSet<long> OptedOut, MessageChannel Channel, DateTimeOffset Now)
    {
        public static async Task<SendSuppression> LoadAsync(
            OpsDbContext db, MessageChannel channel, NotificationType type, IReadOnlyList<MessageTarget> targets, DateTimeOffset now, CancellationToken cancellationToken)
        {
            // Only the entries that can match these targets (their user ids, their addresses in any case): a blacklist
            // of thousands of addresses is not read for every send.
            var userIds = targets.Where(t => t.UserId is not null).Select(t => t.UserId!.Value).Distinct().ToList();
            var addresses = targets.Select(t => t.Address.ToLowerInvariant()).Distinct().ToList();
            var blacklist = await db.Blacklist.AsNoTracking()
                .Where(b => b.Channel == channel && (b.ExpiresAt == null || b.ExpiresAt > now)
                    && ((b.UserId != null && userIds.Contains(b.UserId.Value)) || (b.Address != null && addresses.Contains(b.Address.ToLower()))))
                .ToListAsync(cancellationToken);
            var optedOut = await db.NotificationSettings.AsNoTracking()
                .Where(s => userIds.Contains(s.UserId) && s.Type == type && s.Channel == channel && !s.Enabled)
                .Select(s => s.UserId).ToListAsync(cancellationToken);
            return new SendSuppression(blacklist, optedOut.ToHashSet(), channel, now);
        }

        public string? ReasonFor(MessageTarget target)
        {
            if (Blacklist.FirstOrDefault(b => b.Blocks(Channel, target.Address, target.UserId, Now)) is { } entry)
            {
                return DeliveryTexts.Blacklisted(entry.Reason);
            }

            return target.UserId is { } id && OptedOut.Contains(id) ? DeliveryTexts.OptedOut : null;
        }
    }
}
