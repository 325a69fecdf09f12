using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ops.Domain.Audit;
using Ops.Domain.Auth;
using Ops.Domain.Common;
using Ops.Domain.Notifications;
using Ops.Infrastructure.Common;
using Ops.Infrastructure.Persistence;

namespace Ops.Infrastructure.Notifications;

internal sealed class NotificationService(
    IDbContextFactory<OpsDbContext> factory,
    IPermissionGuard guard,
    IEventBus events,
    IAuditTrail audit,
    TimeProvider clock,
    IdempotentCommands once) : INotificationService
{
    public const int MaxRecipients = 10_000;

    private static readonly SortMap<Notification> Sorts = new SortMap<Notification>(x => x.Id)
        .Add("createdAt", n => n.CreatedAt)
        .Add("title", n => n.Title)
        .Default("createdAt", SortDirection.Descending);

    public async Task<Result<int>> SendAsync(InAppMessage message, IReadOnlyCollection<long> userIds, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(NotificationPermissions.Notifications.Send, cancellationToken);
        var title = TextRules.Required(message.Title, Notification.TitleMaxLength, "field.title");
        var content = TextRules.Required(message.Content, Notification.ContentMaxLength, "field.content");
        if (title.IsFailure || content.IsFailure)
        {
            return title.Error ?? content.Error!;
        }

        if (message.Link is { } link && !Notification.IsLink(link))
        {
            return Error.Invalid("message.notification.link_invalid");
        }

        var recipients = userIds.Distinct().ToList();
        if (recipients.Count is 0 or > MaxRecipients)
        {
            return Error.Invalid("message.notification.recipients", MaxRecipients);
        }

        // Other modules send as the system without a key; a form's key belongs to its signed-in user.
        long? me = message.IdempotencyKey is null ? null : await guard.RequireUserIdAsync(cancellationToken);
        var sent = await once.RunOnceAsync("notification.send", message.IdempotencyKey, me,
            async () => (long)await DeliverAsync(message, title.Value, content.Value, recipients, cancellationToken), cancellationToken);
        return sent.IsSuccess ? (int)sent.Value : sent.Error!;
    }

    private async Task<int> DeliverAsync(InAppMessage message, string title, string content, List<long> recipients, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Users.Where(u => recipients.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var rows = existing.Select(id => new Notification(id, message.Type, message.Level, title, content, message.Link, now)).ToList();
        await RecordAsync(db, rows, now, cancellationToken);

        // Stored first, then announced: a circuit that misses the event still finds it on load.
        foreach (var row in rows)
        {
            await events.PublishAsync(new NotificationArrived(row.UserId, ToView(row)));
        }

        await audit.RecordAsync(new AuditEntry("message", "notification.send", "notification", Detail: $"{rows.Count} recipients: {title}"), cancellationToken);
        return rows.Count;
    }

    /// <summary>
    /// Stores the notifications with their message-log rows (channel in-app, sent) in one transaction: the
    /// message log lists what was sent here like what went through the outbox.
    /// </summary>
    private static async Task RecordAsync(OpsDbContext db, List<Notification> rows, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var logs = rows.Select(n => MessageLog.DeliveredInApp(n.UserId, n.Title, n.Content, n.Type, now)).ToList();
        db.MessageLogs.AddRange(logs);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (row, log) in rows.Zip(logs))
        {
            row.RecordedAs(log.Id);
            db.MessageAttempts.Add(new MessageAttempt(log.Id, 1, now, true, null, 0));
        }

        db.Notifications.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int> UnreadCountAsync(CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && !n.IsRead, cancellationToken);
    }

    public async Task<PagedResult<NotificationView>> ListAsync(NotificationFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        if (filter.Read is { } read)
        {
            query = query.Where(n => n.IsRead == read);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(n => n.Type == type);
        }

        if (page.Normalized().Search is { } search)
        {
            query = query.Where(n => n.Title.Contains(search) || n.Content.Contains(search));
        }

        var result = await query.ToPagedResultAsync(page, Sorts, cancellationToken);
        return new PagedResult<NotificationView>(result.Items.Select(ToView).ToList(), result.TotalCount, result.Page, result.PageSize);
    }

    public async Task<int> MarkReadAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        await ChangeOwnAsync(query => query.Where(n => ids.Contains(n.Id) && !n.IsRead), (db, rows) => rows.ForEach(n => n.MarkRead(clock.GetUtcNow())), cancellationToken);

    public async Task<int> MarkAllReadAsync(CancellationToken cancellationToken = default) =>
        await ChangeOwnAsync(query => query.Where(n => !n.IsRead), (db, rows) => rows.ForEach(n => n.MarkRead(clock.GetUtcNow())), cancellationToken);

    public async Task<int> DeleteAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken = default) =>
        await ChangeOwnAsync(query => query.Where(n => ids.Contains(n.Id)), (db, rows) => db.Notifications.RemoveRange(rows), cancellationToken);

    /// <summary>Changes only the caller's own notifications; others' ids are ignored.</summary>
    private async Task<int> ChangeOwnAsync(
        Func<IQueryable<Notification>, IQueryable<Notification>> select, Action<OpsDbContext, List<Notification>> change, CancellationToken cancellationToken)
    {
        var userId = await guard.RequireUserIdAsync(cancellationToken);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var rows = await select(db.Notifications.Where(n => n.UserId == userId)).ToListAsync(cancellationToken);
        change(db, rows);
        await db.SaveChangesAsync(cancellationToken);
        if (rows.Count > 0)
        {
            await events.PublishAsync(new NotificationsChanged(userId));
        }

        return rows.Count;
    }

    internal static NotificationView ToView(Notification n) =>
        new(n.Id, n.Type, n.Level, n.Title, n.Content, n.Link, n.IsRead, n.CreatedAt);
}

/// <summary>A user's notifications were read or deleted: their other open pages recount.</summary>
public sealed record NotificationsChanged(long UserId) : IUserEvent;
